/// Python run with the venv's interpreter (CITYLAB_ICAL_PYTHON, made by script/lib/validators.sh):
/// independent parsers judge our iCalendar and OpenAPI output.
enum ValidatorScripts {
    /// argv: calendar files. vobject (validate=True) and icalendar (no component `errors`), plus
    /// raw checks: CRLF only, lines of at most 75 octets.
    static let calendars = #"""
        import sys, vobject, icalendar
        for path in sys.argv[1:]:
            raw = open(path, 'rb').read()
            assert raw.endswith(b'\r\n'), path + ': no final CRLF'
            assert b'\n' not in raw.replace(b'\r\n', b''), path + ': bare LF'
            for n, line in enumerate(raw.split(b'\r\n')[:-1]):
                assert len(line) <= 75, '%s line %d has %d octets' % (path, n, len(line))
                line.decode('utf-8')
            text = raw.decode('utf-8')
            parsed = list(vobject.readComponents(text, validate=True))
            assert len(parsed) == 1, path
            cal = parsed[0]
            cal.validate(raiseException=True)
            assert cal.version.value == '2.0' and cal.prodid.value, path
            events = cal.contents.get('vevent', [])
            for event in events:
                event.validate(raiseException=True)
                assert event.dtstart.value.tzinfo is not None, path + ': floating time'
            parsed = icalendar.Calendar.from_ical(text)
            for component in parsed.walk():
                assert not component.errors, '%s: %s %s' % (path, component.name, component.errors)
            uids = [str(e['UID']) for e in parsed.walk('VEVENT')]
            assert len(uids) == len(set(uids)) == len(events), path + ': UIDs'
            print('%s: %d events ok' % (path, len(events)))
        """#

    /// argv: the OpenAPI file, then pairs of (schema name, JSON answer file): the document is a
    /// valid OpenAPI 3.1, and each real answer validates against its schema.
    static let openAPI = #"""
        import sys, json
        from openapi_spec_validator import validate
        from jsonschema import Draft202012Validator
        spec = json.load(open(sys.argv[1]))
        validate(spec)
        assert spec['openapi'].startswith('3.1')
        pairs = sys.argv[2:]
        for name, path in zip(pairs[0::2], pairs[1::2]):
            schema = dict(spec)
            schema['$ref'] = '#/components/schemas/' + name
            Draft202012Validator(schema).validate(json.load(open(path)))
            print('%s matches %s' % (path, name))
        """#
}

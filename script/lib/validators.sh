# Sourced by script/test: a Python virtualenv under .build/venv holding the independent parsers
# the ReadAPI tests check our output with (vobject, strict; icalendar; openapi-spec-validator,
# which brings jsonschema). Created when missing; prints the venv's python path.
ensure_validators() {
    local venv=.build/venv
    local python="$PWD/$venv/bin/python"
    if ! "$python" -c 'import vobject, icalendar, openapi_spec_validator, jsonschema' 2>/dev/null; then
        command -v python3 >/dev/null || apt_install python3 python3-venv
        echo "==> creating $venv with vobject, icalendar, openapi-spec-validator (pip)" >&2
        python3 -m venv "$venv" >&2 || { apt_install python3-venv && python3 -m venv "$venv" >&2; }
        "$python" -m pip install --quiet --disable-pip-version-check vobject icalendar openapi-spec-validator >&2
    fi
    echo "$python"
}

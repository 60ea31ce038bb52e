import Application
import XCTest

/// The RFC 4180 reader and the import header, without a database.
final class CSVReaderTests: XCTestCase {
    private func records(_ text: String) throws -> [CSVRecord] {
        var reader = CSVReader(text: text)
        return try reader.readAll()
    }

    private func records(bytes: [UInt8]) throws -> [CSVRecord] {
        var reader = CSVReader(bytes: bytes)
        return try reader.readAll()
    }

    private func failure(_ text: String) -> CSVError? {
        var reader = CSVReader(text: text)
        do {
            _ = try reader.readAll()
            return nil
        } catch {
            return error
        }
    }

    func testPlainFieldsLFAndNoFinalLineBreak() throws {
        XCTAssertEqual(
            try records("a,b,c\n1,2,3"),
            [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])])
    }

    func testCRLFAndFinalLineBreakMakeNoExtraRecord() throws {
        XCTAssertEqual(
            try records("a,b\r\n1,2\r\n"), [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
    }

    func testLoneCRSeparatesRecords() throws {
        XCTAssertEqual(try records("a\rb\r"), [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"])])
    }

    func testQuotedFieldsWithCommasEscapedQuotesAndLineBreaks() throws {
        let text = "name,note\r\n\"Gómez, Ana\",\"said \"\"hola\"\"\"\r\n\"two\r\nlines\",\"three\nlines\nhere\"\r\nlast,\"\"\r\n"
        XCTAssertEqual(
            try records(text),
            [
                CSVRecord(line: 1, fields: ["name", "note"]),
                CSVRecord(line: 2, fields: ["Gómez, Ana", "said \"hola\""]),
                CSVRecord(line: 3, fields: ["two\r\nlines", "three\nlines\nhere"]),
                CSVRecord(line: 7, fields: ["last", ""]),
            ])
    }

    func testEmptyFieldsAndTrailingComma() throws {
        XCTAssertEqual(try records(",a,\n"), [CSVRecord(line: 1, fields: ["", "a", ""])])
        XCTAssertEqual(try records("a,"), [CSVRecord(line: 1, fields: ["a", ""])])
    }

    func testByteOrderMarkIsSkippedOnlyAtTheStart() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        XCTAssertEqual(try records(bytes: bom + Array("name\nx".utf8)).first?.fields, ["name"])
        XCTAssertEqual(try records(bytes: bom), [])
        XCTAssertEqual(try records(bytes: Array("a\n".utf8) + bom + Array("b".utf8)).last?.fields, ["\u{FEFF}b"], "later, it is data")
    }

    func testBlankLinesAreSkippedAndLinesStillCounted() throws {
        XCTAssertEqual(try records("a\n\n\r\nb\n\n"), [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 4, fields: ["b"])])
    }

    func testEmptyInputHasNoRecords() throws {
        XCTAssertEqual(try records(""), [])
        XCTAssertEqual(try records("\n\n"), [])
    }

    func testUnterminatedQuoteNamesTheLineWhereTheRecordStarts() {
        XCTAssertEqual(failure("a,b\n1,2\n\"open,\nmore\n"), .unterminatedQuote(line: 3))
    }

    func testQuoteInsideAnUnquotedFieldIsRefused() {
        XCTAssertEqual(failure("a\nAna \"Ani\" G\n"), .quoteInUnquotedField(line: 2))
    }

    func testTextAfterAClosingQuoteIsRefused() {
        XCTAssertEqual(failure("a\n\"x\ny\"z\n"), .textAfterClosingQuote(line: 3))
    }

    func testInvalidUTF8IsRefusedWithItsLine() {
        var reader = CSVReader(bytes: Array("a\n".utf8) + [0x47, 0xF3, 0x6D] + Array("\n".utf8))
        XCTAssertThrowsError(try reader.readAll()) { XCTAssertEqual($0 as? CSVError, .invalidUTF8(line: 2)) }
    }

    func testReadsFromAnyByteIterator() throws {
        var reader = CSVReader(AnyIterator(Array("x,\"y\nz\"\n".utf8).makeIterator()))
        XCTAssertEqual(try reader.next(), CSVRecord(line: 1, fields: ["x", "y\nz"]))
        XCTAssertNil(try reader.next())
        XCTAssertNil(try reader.next())
    }

    // MARK: header and rows

    private func parse(_ text: String, limits: ImportLimits = .standard) throws -> ImportFile {
        var reader = CSVReader(text: text)
        return try ImportFile.parse(&reader, file: "t.csv", limits: limits)
    }

    private func usage(_ text: String, limits: ImportLimits = .standard) -> String? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return (error as? AppError)?.description ?? "\(error)"
        }
    }

    func testHeaderInAnyOrderAndCaseWithOptionalColumnsLeftOut() throws {
        let file = try parse(" Role ,EMAIL,Name\nmayor,ana@example.org,Ana\n")
        XCTAssertEqual(file.rows, [ImportRow(line: 2, name: "Ana", email: "ana@example.org", role: "mayor")])
        let full = try parse("name,email,role,organization,city\nAna,a@x.org,mayor,Alcaldía,Bogotá")
        XCTAssertEqual(full.rows.first?.organization, "Alcaldía")
        XCTAssertEqual(full.rows.first?.city, "Bogotá")
    }

    func testLineBreaksAndTabsInsideAFieldBecomeOneSpace() throws {
        let file = try parse(
            "name,email,role,organization,city\n\"Ana\r\nMaría\",a@x.org,mayor,\"Org \t X\",\"  Bogotá \n\r\n D.C.\"\n"
                + "Bo,b@x.org,artist,Plain  text,\n")
        XCTAssertEqual(file.rows.first?.name, "Ana María")
        XCTAssertEqual(file.rows.first?.organization, "Org X")
        XCTAssertEqual(file.rows.first?.city, "  Bogotá D.C.", "spaces away from a break are kept (the rules trim the ends)")
        XCTAssertEqual(file.rows.last?.organization, "Plain  text")
    }

    func testARowWithTheWrongNumberOfFieldsCarriesAProblem() throws {
        let file = try parse("name,email,role\nAna,a@x.org\n")
        XCTAssertEqual(file.rows.first?.problem, "2 fields where the header has 3")
    }

    func testHeaderProblemsAreUsageErrors() {
        XCTAssertEqual(usage(""), "t.csv is empty")
        XCTAssertEqual(usage("\u{FEFF}\n\n"), "t.csv is empty")
        XCTAssertEqual(usage("Ana,ana@example.org,mayor\n"), "t.csv has no header line: line 1 must name the columns")
        XCTAssertEqual(usage("name,email,role,phone,Twitter\n"), "t.csv: unknown columns 'phone', 'twitter' in the header (line 1)")
        XCTAssertEqual(usage("name,email,city\n"), "t.csv: the header lacks the column role")
        XCTAssertEqual(usage("name,email,role,email\n"), "t.csv: the column 'email' appears twice in the header")
        XCTAssertEqual(
            usage("name,email,role\n\"Ana,a@x.org,mayor\n"), "t.csv: line 2: a quoted field is never closed (unterminated quote)")
    }

    func testRowLimit() {
        let text = "name,email,role\n" + (1...4).map { "P\($0),p\($0)@x.org,mayor\n" }.joined()
        XCTAssertNoThrow(try parse(text, limits: ImportLimits(maxBytes: 1_000, maxRows: 4)))
        XCTAssertEqual(usage(text, limits: ImportLimits(maxBytes: 1_000, maxRows: 3)), "t.csv has more than 3 rows, the limit per import")
    }
}

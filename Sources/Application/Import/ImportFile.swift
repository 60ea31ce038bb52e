import Foundation

/// An import file read and checked as a whole before anything is written: its header and
/// every data row. Malformed CSV, a missing header, unknown columns, an empty file or one
/// over the limits throw `AppError.usage` (exit 2) naming the file and, where it applies, the line.
public struct ImportFile: Sendable {
    public let header: ImportHeader
    public let rows: [ImportRow]

    /// Reads `path` in chunks, refusing it as soon as it is found too big.
    public static func read(_ path: String, limits: ImportLimits = .standard) throws(AppError) -> ImportFile {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw AppError.usage("cannot read \(path): \(Self.reason(error))", hint: "check the path and that the file is readable")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw AppError.usage("cannot read \(path): it is a directory", hint: "give the path of a .csv file")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limits.maxBytes {
            throw tooBig(path, "is \(megabytes(size)) MB; the limit is \(megabytes(limits.maxBytes)) MB", limits)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AppError.usage("cannot read \(path): permission denied or not a regular file", hint: "check the file's permissions")
        }
        defer { try? handle.close() }
        var bytes = FileBytes(handle, limit: limits.maxBytes)
        var reader = CSVReader(bytes)
        let file = try parse(&reader, file: path, limits: limits)
        bytes = reader.source
        if let error = bytes.readError { throw AppError.usage("cannot read \(path): \(Self.reason(error))", hint: nil) }
        if bytes.exceededLimit { throw tooBig(path, "is over the limit of \(megabytes(limits.maxBytes)) MB", limits) }
        return file
    }

    /// Reads the header and the rows from `reader` (pure; `file` names it in messages).
    public static func parse<Source>(
        _ reader: inout CSVReader<Source>, file: String, limits: ImportLimits = .standard
    ) throws(AppError) -> ImportFile {
        do {
            guard let first = try reader.next() else {
                throw AppError.usage(
                    "\(file) is empty", hint: "start it with the header line \(ImportHeader.example), then one attendee per line")
            }
            let header = try ImportHeader(first, file: file)
            var rows: [ImportRow] = []
            while let record = try reader.next() {
                guard rows.count < limits.maxRows else {
                    throw tooBig(file, "has more than \(limits.maxRows) rows, the limit per import", limits)
                }
                rows.append(header.row(record))
            }
            return ImportFile(header: header, rows: rows)
        } catch let error as CSVError {
            throw AppError.usage("\(file): \(error.description)", hint: error.hint)
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError.usage("\(file): \(error)", hint: nil)
        }
    }

    private static func tooBig(_ file: String, _ what: String, _ limits: ImportLimits) -> AppError {
        AppError.usage("\(file) \(what)", hint: ImportLimits.splitHint)
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return nsError.localizedDescription
    }
}

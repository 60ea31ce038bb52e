import Foundation

/// A saved screenshot as a viewer sees it: its size from the PNG header, and how much of it
/// differs from the page's background (decoded by Python's zlib: no image library needed).
struct BrowserPNG {
    let width: Int
    let height: Int
    /// The share of pixels, 0…1, that differ from the top-left pixel's colour.
    let inked: Double

    static func read(_ file: URL) throws -> BrowserPNG {
        let exit = try ExternalTool.run(python, ["-c", script, file.path])
        let fields = exit.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard exit.status == 0, fields.count == 3 else { throw CLITestError("cannot read \(file.path): \(exit.stderr)") }
        return BrowserPNG(width: Int(fields[0]), height: Int(fields[1]), inked: fields[2])
    }

    static var python: String {
        let venv = ProcessInfo.processInfo.environment["CITYLAB_ICAL_PYTHON"] ?? ""
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
    }

    /// argv: one PNG (8-bit RGB or RGBA, as Chromium writes). Prints "width height inked".
    static let script = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6), 'unexpected PNG format %d/%d' % (depth, colour)
        bpp = 3 if colour == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        rows, prev, i = [], bytearray(stride), 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
            i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            rows.append(bytes(line))
            prev = line
        background = rows[0][:3]
        inked = sum(1 for row in rows[::4] for x in range(0, stride, bpp * 4) if row[x:x + 3] != background)
        total = len(rows[::4]) * len(range(0, stride, bpp * 4))
        print(width, height, inked / total)
        """#
}

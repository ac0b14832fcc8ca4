/// Reading the scalars of a String's UTF-8 bytes in place (the hot loops of the parser and the
/// import read bytes, not String indices).
enum UTF8Scalars {
    /// The scalar starting at `i` in valid UTF-8 (a String's bytes), with `i` moved past it.
    @inline(__always) static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar {
        let b = bytes[i]
        if b < 0x80 {
            i += 1
            return Unicode.Scalar(b)
        }
        // A lead byte and its continuation bytes.
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        i += length
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }
}

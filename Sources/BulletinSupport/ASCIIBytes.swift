/// ASCII character classes of single bytes, for the scans that work on UTF-8 bytes: no byte of a
/// longer character is ASCII, so a byte test never mistakes part of one.
extension UInt8 {
    package var isASCIILowercase: Bool { (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(self) }
    package var isASCIILetter: Bool { isASCIILowercase || (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(self) }
    package var isASCIIDigit: Bool { (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(self) }
}

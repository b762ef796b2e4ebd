import BulletinSupport
import Foundation

/// Every line the command prints. Lines carry what users typed (paths, titles, options): a
/// character a terminal would obey, such as an escape sequence, is written out as `<U+001B>`.
enum Terminal {
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((TextCharacters.printable(text, keepingLines: true) + "\n").utf8))
    }

    static func complain(_ text: String) {
        FileHandle.standardError.write(Data((TextCharacters.printable(text, keepingLines: true) + "\n").utf8))
    }
}

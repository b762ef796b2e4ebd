/// A word for a POSIX shell, taken as it is: in single quotes, with each quote written `'\''`.
/// ssh hands the server one command line, which the login shell splits again.
enum ShellQuoting {
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tries the address before the server starts, so a port in use gives one clear message.
enum PortCheck {
    static func problem(host: String, port: Int) -> PreviewError? {
        guard (1...65535).contains(port) else { return .portOutOfRange(port) }
        var address = sockaddr_in()
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else { return nil }
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 && errno == EADDRINUSE { return .portInUse(host: host, port: port) }
        return nil
    }
}

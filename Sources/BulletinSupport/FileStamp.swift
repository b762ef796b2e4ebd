import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What tells a changed file from an unchanged one without reading it.
public struct FileStamp: Hashable, Sendable {
    package var seconds: Int
    package var nanoseconds: Int
    package var size: Int
    package var inode: UInt

    package init(_ url: URL) {
        var info = stat()
        if stat(url.path, &info) == 0 {
            self.init(info)
        } else {
            self.init(seconds: -1, nanoseconds: 0, size: -1, inode: 0)
        }
    }

    package init(seconds: Int, nanoseconds: Int, size: Int, inode: UInt) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.size = size
        self.inode = inode
    }

    package init(_ info: stat) {
        self.init(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size),
                  inode: UInt(info.st_ino))
    }
}

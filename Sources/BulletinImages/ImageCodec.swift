import CVips
import Foundation

/// The one place that calls libvips (through the wrappers of `Sources/CVips/vips.c`): reads an
/// encoded photo's header, and writes it upright, smaller and with no metadata.
package enum ImageCodec {
    /// Why photos cannot be read or made here (libvips missing or unusable); nil when they can.
    /// libvips is loaded and started once per process, when this is first read, before the first image.
    package static let unavailable: String? = bulletin_vips_load() == 0 ? nil : String(cString: bulletin_vips_load_error())
    private static var started: Bool { unavailable == nil }

    /// What identifies the libvips photos are made with, part of what the cache is keyed by: its
    /// headers' version with its library file's size and time, found without loading it (a build
    /// whose photos are all in the cache does not need it). Where its file is not where pkg-config
    /// said at build time, the version of the library loaded. The codecs libvips calls (libjpeg,
    /// libwebp, libheif) are not part of it.
    package static var version: String {
        var buffer = [CChar](repeating: 0, count: 256)
        if bulletin_vips_identity(&buffer, buffer.count) == 0 {
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return started ? String(cString: bulletin_vips_version()) : "none"
    }

    package struct Header: Sendable, Equatable {
        /// The size as shown: upright, after the EXIF orientation.
        package var width: Int
        package var height: Int
        package var hasAlpha: Bool
        /// Whether it carries a colour profile (then it is converted to sRGB).
        package var hasProfile: Bool
    }

    /// Reads the header of an encoded image, without decoding its pixels; nil when it is no image
    /// libvips reads.
    package static func header(of bytes: [UInt8]) -> Header? {
        guard started else { return nil }
        return bytes.withUnsafeBytes { buffer -> Header? in
            guard let image = bulletin_vips_open(buffer.baseAddress, buffer.count) else {
                bulletin_vips_error_clear()
                return nil
            }
            defer { bulletin_vips_unref(image) }
            var width: Int32 = 0, height: Int32 = 0, alpha: Int32 = 0, profile: Int32 = 0
            bulletin_vips_header(image, &width, &height, &alpha, &profile)
            return Header(width: Int(width), height: Int(height), hasAlpha: alpha != 0, hasProfile: profile != 0)
        }
    }

    /// One width of the image, upright, encoded in each of `formats` with all metadata left out;
    /// nil when the image cannot be decoded (corrupt or truncated).
    package static func resize(_ bytes: [UInt8], width: Int, toSRGB: Bool, formats: [ImageFormat])
        -> (width: Int, height: Int, files: [[UInt8]])? {
        guard started else { return nil }
        var copy = bytes
        return copy.withUnsafeMutableBytes { buffer -> (Int, Int, [[UInt8]])? in
            var thumbnail: OpaquePointer?
            guard bulletin_vips_thumbnail(buffer.baseAddress, buffer.count, Int32(width), toSRGB ? 1 : 0, &thumbnail) == 0, let thumbnail else {
                bulletin_vips_error_clear()
                return nil
            }
            // Decoding happens here: a corrupt or truncated photo fails now.
            let resized = bulletin_vips_detach(thumbnail)
            bulletin_vips_unref(thumbnail)
            guard let resized else {
                bulletin_vips_error_clear()
                return nil
            }
            defer { bulletin_vips_unref(resized) }
            var files: [[UInt8]] = []
            for format in formats {
                var output: UnsafeMutableRawPointer?
                var length = 0
                let failed: Int32
                switch format {
                case .webp: failed = bulletin_vips_save_webp(resized, &output, &length)
                case .jpeg: failed = bulletin_vips_save_jpeg(resized, &output, &length)
                case .png: failed = bulletin_vips_save_png(resized, &output, &length)
                }
                guard failed == 0, let output else {
                    bulletin_vips_error_clear()
                    return nil
                }
                files.append(Array(UnsafeRawBufferPointer(start: output, count: length)))
                bulletin_vips_free(output)
            }
            var resizedWidth: Int32 = 0, resizedHeight: Int32 = 0
            bulletin_vips_stored_size(resized, &resizedWidth, &resizedHeight)
            return (Int(resizedWidth), Int(resizedHeight), files)
        }
    }

    /// Whether this libvips reads HEIC/HEIF (phones' own format): it is built with libheif or without.
    package static var readsHEIF: Bool {
        guard started else { return false }
        return bulletin_vips_has_operation("heifload_buffer") != 0
    }

    /// For tests: a grey image carrying an EXIF orientation and XMP metadata when given.
    package static func testImage(width: Int, height: Int, alpha: Bool = false, png: Bool = false, heic: Bool = false,
                                  orientation: Int = 0, xmp: String? = nil, red: Bool = false, displayP3: Bool = false) -> [UInt8] {
        guard started else { return [] }
        var output: UnsafeMutableRawPointer?
        var length = 0
        let failed = xmp.withOptionalCString { xmp in
            bulletin_vips_test_image(Int32(width), Int32(height), alpha ? 1 : 0, heic ? 2 : png ? 1 : 0, Int32(orientation), xmp,
                                     red ? 1 : 0, displayP3 ? 1 : 0, &output, &length)
        }
        guard failed == 0, let output else { return [] }
        defer { bulletin_vips_free(output) }
        return Array(UnsafeRawBufferPointer(start: output, count: length))
    }

    /// For tests: the values of the first bands of one pixel.
    package static func pixel(of bytes: [UInt8], x: Int, y: Int) -> [Double] {
        guard started else { return [] }
        var values: (Double, Double, Double, Double) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &values) { raw in
            let pointer = raw.baseAddress!.assumingMemoryBound(to: Double.self)
            bytes.withUnsafeBytes { bulletin_vips_pixel($0.baseAddress, $0.count, Int32(x), Int32(y), pointer) }
        }
        return [values.0, values.1, values.2, values.3]
    }

    /// For tests: the stored size and band count of an encoded image.
    package static func size(of bytes: [UInt8]) -> (width: Int, height: Int, bands: Int)? {
        guard started else { return nil }
        var width: Int32 = 0, height: Int32 = 0, bands: Int32 = 0
        bytes.withUnsafeBytes { bulletin_vips_size($0.baseAddress, $0.count, &width, &height, &bands) }
        return width < 0 ? nil : (Int(width), Int(height), Int(bands))
    }
}

private extension Optional where Wrapped == String {
    func withOptionalCString<Result>(_ body: (UnsafePointer<CChar>?) -> Result) -> Result {
        switch self {
        case .some(let text): return text.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}

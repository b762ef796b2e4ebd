import BulletinSupport
import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers the preview's requests: files of the preview folder (with the live script in pages),
/// the site's 404 page for what is missing, and the live-reload script and events.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let root: URL
    let hub: LiveReloadHub
    var language: Language = .english

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        switch request.uri.path {
        case LiveScript.path:
            return text(LiveScript.source(in: language), type: "text/javascript; charset=utf-8")
        case LiveScript.eventsPath:
            return events()
        default:
            break
        }
        switch RequestPath.resolve(request.uri.path, in: root) {
        case .file(let url):
            return file(url, status: .ok)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .badRequest:
            return text("400 Bad Request\n", type: "text/plain; charset=utf-8", status: .badRequest)
        case .notFound:
            let notFound = root.appendingPathComponent("404.html")
            if FileManager.default.fileExists(atPath: notFound.path) {
                return file(notFound, status: .notFound)
            }
            // No site yet: the first build failed. The live script shows why. (The catalogue's
            // texts hold nothing that markup would read.)
            let page = "<!DOCTYPE html><html lang=\"\(LiveScript.htmlLanguage(language))\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + Catalogue.text(.previewNotBuiltTitle, in: language) + "</title></head><body><p>"
                + Catalogue.text(.previewNotBuilt, in: language) + "</p></body></html>"
            return text(LiveScript.inject(into: page), type: "text/html; charset=utf-8", status: .notFound)
        }
    }

    private func file(_ url: URL, status: HTTPResponse.Status) -> Response {
        guard var data = try? Data(contentsOf: url) else {
            return text("404 Not Found\n", type: "text/plain; charset=utf-8", status: .notFound)
        }
        let type = RequestPath.contentType(for: url)
        if type.hasPrefix("text/html") {
            data = Data(LiveScript.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private func events() -> Response {
        let hub = hub
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
                            let (id, stream) = await hub.subscribe()
                            // The stream never ends by itself; without this a stop would wait for open pages.
                            try await withGracefulShutdownHandler {
                                for await event in stream {
                                    try await writer.write(ByteBuffer(string: event))
                                }
                            } onGracefulShutdown: {
                                Task { await hub.finish(id) }
                            }
                            try await writer.finish(nil)
                        })
    }
}

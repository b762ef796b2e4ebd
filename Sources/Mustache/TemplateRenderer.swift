import BulletinSupport

/// Renders parsed templates into bytes. One renderer per page: it holds the section stack and
/// the output, which every node appends to.
package struct TemplateRenderer {
    private let templates: [String: [TemplateNode]]
    private var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    /// The template `name` rendered with `value`; empty when there is no such template. Throws
    /// when the page runs past a limit: a partial that includes itself with no end.
    package static func render(_ name: String, with value: TemplateValue,
                               templates: [String: [TemplateNode]]) throws(RenderLimit) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var renderer = TemplateRenderer(templates: templates)
        renderer.output.reserveCapacity(16 * 1024)
        renderer.stack.append(value)
        renderer.render(nodes, Scope())
        if let limit = renderer.stopped { throw limit }
        return renderer.output
    }

    /// Why a page stopped rendering, and in which template: the partial being expanded when it
    /// stopped, or nil for the page's own template.
    package struct RenderLimit: Error, Equatable, CustomStringConvertible {
        package enum Kind: Equatable { case depth, expansions, size }
        package var kind: Kind
        package var template: String?

        /// Why the page at `path` stopped, from the message catalogue.
        package func message(path: String) -> Message {
            switch kind {
            case .depth: Message(.renderingStoppedDepth, ["path": path, "limit": String(TemplateRenderer.maximumDepth)])
            case .expansions: Message(.renderingStoppedExpansions, ["path": path, "limit": String(TemplateRenderer.maximumExpansions)])
            case .size: Message(.renderingStoppedSize, ["path": path, "limit": String(TemplateRenderer.maximumBytes / 1_048_576)])
            }
        }

        package var description: String { message(path: "").text(in: .english) }
    }

    private init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    /// What nodes render under besides the stack.
    private struct Scope {
        var sequence: SequencePosition?
        /// Put before each line a standalone partial or block renders.
        var indentation: [UInt8] = []
        /// Blocks overridden by the templates that inherit the one being rendered; the
        /// outermost (the most specific) override wins.
        var overrides: [String: [TemplateNode]] = [:]
        /// Partials, blocks and sections entered: a partial that includes itself renders
        /// nothing past `maximumDepth` instead of exhausting the stack.
        var depth = 0
        /// The partial being rendered, nil in the page's own template.
        var partial: String?
    }

    static let maximumDepth = 200
    /// Partials and blocks expanded in one page: a partial that includes itself twice would
    /// otherwise take 2^200 steps before the depth limit stopped it.
    static let maximumExpansions = 1_000_000
    /// The largest page: the longest of the site's is a list of every base and write-up, well
    /// under a megabyte at 10,000 write-ups. One partial that includes itself with a large text
    /// wrote gigabytes before the expansion limit.
    static let maximumBytes = 64 * 1_048_576
    private var expansions = 0
    /// The limit the page ran past, after which nothing more is rendered.
    private var stopped: RenderLimit?

    private mutating func render(_ nodes: [TemplateNode], _ scope: Scope) {
        guard stopped == nil else { return }
        guard scope.depth <= Self.maximumDepth else {
            stopped = RenderLimit(kind: .depth, template: scope.partial)
            return
        }
        for node in nodes {
            if output.count > Self.maximumBytes { stopped = RenderLimit(kind: .size, template: scope.partial) }
            guard stopped == nil else { return }
            render(node, scope)
        }
    }

    /// Before text that starts a line of an indented partial, its indentation. Lines inside an
    /// interpolated value are the value's own and are not indented; a line that started before
    /// the partial (its tag was not alone on the line) is not either.
    private mutating func indentIfAtLineStart(_ scope: Scope) {
        guard !scope.indentation.isEmpty, output.isEmpty || output[output.count - 1] == UInt8(ascii: "\n") else { return }
        output.append(contentsOf: scope.indentation)
    }

    private mutating func render(_ node: TemplateNode, _ scope: Scope) {
        switch node {
        case let .text(bytes):
            if !bytes.isEmpty { indentIfAtLineStart(scope) }
            output.append(contentsOf: bytes)

        case let .variable(name, escaped):
            guard let text = value(of: name, scope)?.printed, !text.isEmpty else { return }
            indentIfAtLineStart(scope)
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }

        case let .section(name, children, inverted):
            let value = value(of: name, scope)
            if inverted {
                renderInverted(children, value, scope)
            } else {
                renderSection(children, value, scope)
            }

        case let .partial(name, indentation, overrides):
            guard let nodes = templates[name] else { return }
            guard expansions < Self.maximumExpansions else {
                stopped = RenderLimit(kind: .expansions, template: scope.partial)
                return
            }
            expansions += 1
            var inner = Scope()
            inner.depth = scope.depth + 1
            inner.partial = name
            inner.indentation = scope.indentation + indentation
            inner.overrides = overrides.merging(scope.overrides) { _, outer in outer }
            render(nodes, inner)

        case let .block(name, defaults, indentation):
            guard expansions < Self.maximumExpansions else {
                stopped = RenderLimit(kind: .expansions, template: scope.partial)
                return
            }
            expansions += 1
            var inner = scope
            inner.depth += 1
            inner.sequence = nil
            inner.indentation = scope.indentation + indentation
            render(scope.overrides[name] ?? defaults, inner)
        }
    }

    /// A list renders once per item, `false` and nothing not at all, `true` once as it is, and any
    /// other value once with that value innermost.
    private mutating func renderSection(_ children: [TemplateNode], _ value: TemplateValue?, _ scope: Scope) {
        switch value {
        case nil, .flag(false)?:
            return
        case .flag(true)?:
            var inner = scope
            inner.depth += 1
            render(children, inner)
        case let .list(items)?:
            var inner = scope
            inner.depth += 1
            for (index, item) in items.enumerated() {
                inner.sequence = SequencePosition(index: index, isLast: index == items.count - 1)
                stack.append(item)
                render(children, inner)
                stack.removeLast()
            }
        case let value?:
            var inner = scope
            inner.depth += 1
            inner.sequence = nil
            stack.append(value)
            render(children, inner)
            stack.removeLast()
        }
    }

    /// Renders when the value is missing, `false` or an empty list.
    private mutating func renderInverted(_ children: [TemplateNode], _ value: TemplateValue?, _ scope: Scope) {
        switch value {
        case nil, .flag(false)?:
            var inner = scope
            inner.depth += 1
            render(children, inner)
        case let .list(items)? where items.isEmpty:
            var inner = scope
            inner.depth += 1
            inner.sequence = nil
            stack.append(.list(items))
            render(children, inner)
            stack.removeLast()
        default:
            return
        }
    }

    /// The first segment is looked up from the innermost section outwards; the others in what it
    /// found, with no further search. Then the transforms apply, and any that does not fit the
    /// value leaves nothing.
    private func value(of name: TemplateName, _ scope: Scope) -> TemplateValue? {
        var segments = name.segments[...]
        var value: TemplateValue?
        var transforms = name.transforms[...]
        switch name.start {
        case .sequence:
            guard let position = scope.sequence, let first = transforms.popFirst() else { return nil }
            value = first.apply(to: position)
        case .top:
            value = stack.last
        case .stack:
            guard let first = segments.popFirst() else { return nil }
            for frame in stack.reversed() {
                if let found = frame.field(first) {
                    value = found
                    break
                }
            }
        }
        for segment in segments {
            value = value?.field(segment)
        }
        for transform in transforms {
            guard let current = value else { return nil }
            value = transform.apply(to: current)
        }
        return value
    }
}

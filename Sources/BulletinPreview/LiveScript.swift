/// The script injected into pages served by the preview (never into built files): it listens for
/// rebuilds, reloads the page, and shows content errors over the page until they are fixed.
enum LiveScript {
    static let path = "/__bulletin/live.js"
    static let eventsPath = "/__bulletin/events"

    static func inject(into html: String) -> String {
        let tag = "<script src=\"\(path)\" defer></script>"
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    static let source = #"""
    (function () {
      "use strict";
      var version = null;
      var overlay = null;

      function showErrors(errors) {
        if (overlay) { overlay.remove(); }
        overlay = document.createElement("div");
        overlay.id = "bulletin-errors";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-labelledby", "bulletin-errors-title");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#111;" +
          "padding:1.5rem;font:16px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;border-top:8px solid #b8000b";
        var title = document.createElement("h2");
        title.id = "bulletin-errors-title";
        title.textContent = "内容有错误，预览未更新（" + errors.length + "处）";
        overlay.appendChild(title);
        var note = document.createElement("p");
        note.textContent = "改正下列文件后，本页会自动刷新。";
        overlay.appendChild(note);
        var list = document.createElement("ol");
        errors.forEach(function (error) {
          var item = document.createElement("li");
          var where = document.createElement("code");
          where.textContent = error.location;
          item.appendChild(where);
          item.appendChild(document.createTextNode(" " + error.message));
          if (error.hint) {
            var hint = document.createElement("div");
            hint.style.color = "#444";
            hint.textContent = "提示：" + error.hint;
            item.appendChild(hint);
          }
          list.appendChild(item);
        });
        overlay.appendChild(list);
        document.body.appendChild(overlay);
      }

      var events = new EventSource("/__bulletin/events");
      events.addEventListener("state", function (event) {
        var state = JSON.parse(event.data);
        var changed = version !== null && state.version !== version;
        version = state.version;
        if (state.errors.length > 0) {
          showErrors(state.errors);
        } else if (changed) {
          window.location.reload();
        }
      });
    }());
    """#
}

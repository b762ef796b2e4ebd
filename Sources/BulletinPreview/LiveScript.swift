import BulletinSupport
import Foundation

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

    /// The `lang` of the overlay and of the page shown before any site was built.
    static func htmlLanguage(_ language: Language) -> String {
        language == .chinese ? "zh-Hans" : "en"
    }

    /// The script with the overlay's fixed texts in `language`.
    static func source(in language: Language) -> String {
        func quoted(_ text: String) -> String {
            let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        let texts = "{\"lang\":" + quoted(htmlLanguage(language))
            + ",\"title\":" + quoted(Catalogue.text(.overlayTitle, in: language))
            + ",\"note\":" + quoted(Catalogue.text(.overlayNote, in: language))
            + ",\"hint\":" + quoted(Catalogue.label(.labelHint, in: language)) + "}"
        return template.replacingOccurrences(of: "/*TEXTS*/{}", with: texts)
    }

    private static let template = #"""
    (function () {
      "use strict";
      var texts = /*TEXTS*/{};
      var version = null;
      var overlay = null;

      function showErrors(errors) {
        if (overlay) { overlay.remove(); }
        overlay = document.createElement("div");
        overlay.id = "bulletin-errors";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("lang", texts.lang);
        overlay.setAttribute("aria-labelledby", "bulletin-errors-title");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#111;" +
          "padding:1.5rem;font:16px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;border-top:8px solid #b8000b";
        var title = document.createElement("h2");
        title.id = "bulletin-errors-title";
        title.textContent = texts.title.replace("{count}", String(errors.length));
        overlay.appendChild(title);
        var note = document.createElement("p");
        note.textContent = texts.note;
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
            hint.textContent = texts.hint + error.hint;
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

/* 适老化 (elderly-friendly) services: larger text, high contrast and read-aloud.
   Settings are applied before the page is drawn and remembered across pages; without
   JavaScript the toolbar stays hidden and the page works as it is. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["100%", "115%", "130%", "150%", "175%"];
  var store = {
    get: function (key) { try { return window.localStorage.getItem("care." + key); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem("care." + key, value); } catch (e) { /* private mode */ } }
  };

  function sizeStep() {
    var step = parseInt(store.get("size") || "0", 10);
    return isNaN(step) ? 0 : Math.max(0, Math.min(SIZES.length - 1, step));
  }

  function apply() {
    root.style.fontSize = SIZES[sizeStep()];
    root.classList.toggle("care-contrast", store.get("contrast") === "on");
  }
  apply();

  function announce(toolbar, text) {
    var status = toolbar.querySelector(".care-status");
    if (status) { status.textContent = text; }
  }

  function sentences(text) {
    // Short utterances: some engines stop reading long ones part-way.
    return text.replace(/\s+/g, " ").split(/(?<=[。！？；!?;])/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }

  function setUp() {
    var toolbar = document.getElementById("care-toolbar");
    if (!toolbar) { return; }
    var contrastButton = toolbar.querySelector('[data-care="contrast"]');
    var readButton = toolbar.querySelector('[data-care="read"]');
    var canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
    if (!canSpeak) { readButton.hidden = true; }

    function refresh() {
      contrastButton.setAttribute("aria-pressed", store.get("contrast") === "on" ? "true" : "false");
    }

    function stopReading() {
      if (canSpeak) { window.speechSynthesis.cancel(); }
      readButton.setAttribute("aria-pressed", "false");
      readButton.textContent = "朗读正文";
    }

    function startReading() {
      var main = document.getElementById("main");
      var parts = sentences(main ? main.innerText : "");
      if (parts.length === 0) { return; }
      window.speechSynthesis.cancel();
      parts.forEach(function (part, index) {
        var utterance = new SpeechSynthesisUtterance(part);
        utterance.lang = "zh-CN";
        if (index === parts.length - 1) { utterance.onend = stopReading; }
        window.speechSynthesis.speak(utterance);
      });
      readButton.setAttribute("aria-pressed", "true");
      readButton.textContent = "停止朗读";
    }

    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-care]");
      if (!button) { return; }
      switch (button.getAttribute("data-care")) {
        case "larger":
          store.set("size", String(Math.min(SIZES.length - 1, sizeStep() + 1)));
          apply();
          announce(toolbar, "文字大小：" + SIZES[sizeStep()]);
          break;
        case "smaller":
          store.set("size", String(Math.max(0, sizeStep() - 1)));
          apply();
          announce(toolbar, "文字大小：" + SIZES[sizeStep()]);
          break;
        case "contrast":
          store.set("contrast", store.get("contrast") === "on" ? "off" : "on");
          apply();
          announce(toolbar, store.get("contrast") === "on" ? "已开启高对比度" : "已关闭高对比度");
          break;
        case "read":
          if (readButton.getAttribute("aria-pressed") === "true") { stopReading(); } else { startReading(); }
          break;
        case "reset":
          store.set("size", "0");
          store.set("contrast", "off");
          stopReading();
          apply();
          announce(toolbar, "已恢复默认显示");
          break;
      }
      refresh();
    });
    window.addEventListener("pagehide", stopReading);
    refresh();
    toolbar.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}());

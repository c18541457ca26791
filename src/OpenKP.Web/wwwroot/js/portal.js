/* OpenKP portal: small enhancements on top of pages that work without script.
   - "Add a line" on the issue form: more line rows than the five the server renders.
   - "Copy" beside a certificate's QR text. */
(function () {
  "use strict";

  function addLines(button) {
    var list = document.querySelector("[data-line-rows]");
    if (!list) { return; }
    var max = parseInt(list.getAttribute("data-max") || "50", 10);
    var template = list.getAttribute("data-line-label") || "Line {0}";
    button.hidden = false;
    button.addEventListener("click", function () {
      var rows = list.querySelectorAll("[data-line-row]");
      if (rows.length >= max) { button.hidden = true; return; }
      var last = rows[rows.length - 1];
      var index = rows.length;
      var row = last.cloneNode(true);
      row.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
      row.querySelectorAll(".form-group--error").forEach(function (g) { g.classList.remove("form-group--error"); });
      row.querySelectorAll("[id],[name],[for],[aria-describedby],[aria-invalid]").forEach(function (el) {
        ["id", "name", "for"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) { el.setAttribute(attr, value.replace(/^lines\[\d+\]/, "lines[" + index + "]")); }
        });
        el.removeAttribute("aria-describedby");
        el.removeAttribute("aria-invalid");
      });
      row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      row.querySelectorAll("select").forEach(function (select) {
        select.querySelectorAll("option").forEach(function (o) { o.selected = false; o.removeAttribute("selected"); });
        select.selectedIndex = 0;
      });
      var title = row.querySelector("[data-line-title]");
      if (title) { title.textContent = template.replace("{0}", String(index + 1)); }
      list.appendChild(row);
      if (index + 1 >= max) { button.hidden = true; }
      var first = row.querySelector("select, input");
      if (first) { first.focus(); }
    });
  }

  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) { return; }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.value || source.textContent).then(function () {
          button.textContent = button.getAttribute("data-copied") || label;
          setTimeout(function () { button.textContent = label; }, 2000);
        }, function () {
          source.select();
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var add = document.querySelector("[data-add-line]");
    if (add) { addLines(add); }
    copyButtons();
  });
})();

/* Keeps what an officer typed into the entry form in this tab (sessionStorage) until it is saved.
   If the session expired, saving leads to the login page and the typed figures would be lost;
   back on the form after signing in, a banner offers to put them back. Nothing leaves the browser.
   A copy equal to what the page now shows (it was saved) is dropped silently. CSP-safe: no inline
   script, the banner is built with DOM calls; its words come from the form's data attributes,
   written by the template through Django's translation machinery. */
(function () {
  "use strict";
  var form = document.querySelector("form.entry");
  if (!form || !window.sessionStorage) { return; }
  var key = "kehoach:typed:" + window.location.pathname;
  function fields() {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && (e.name.indexOf("v:") === 0 || e.name.indexOf("c:") === 0) && !e.disabled;
    });
  }
  function current() {
    var out = {};
    fields().forEach(function (e) { out[e.name] = e.value; });
    return out;
  }
  function differs(kept) {
    var now = current();
    return Object.keys(kept).some(function (name) { return name in now && now[name] !== kept[name]; });
  }
  function offer(kept, when) {
    var box = document.createElement("div");
    box.className = "card warn";
    box.setAttribute("role", "status");
    box.id = "typed-restore";
    var text = document.createElement("p");
    text.textContent = form.dataset.typedNote.replace("%(time)s", when);
    var restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = form.dataset.typedRestore;
    var drop = document.createElement("button");
    drop.type = "button";
    drop.className = "link";
    drop.textContent = form.dataset.typedDrop;
    restore.addEventListener("click", function () {
      fields().forEach(function (e) { if (e.name in kept) { e.value = kept[e.name]; } });
      box.remove();
    });
    drop.addEventListener("click", function () { sessionStorage.removeItem(key); box.remove(); });
    box.appendChild(text);
    box.appendChild(restore);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(drop);
    form.parentNode.insertBefore(box, form);
  }
  var stored = sessionStorage.getItem(key);
  if (stored) {
    try {
      var kept = JSON.parse(stored);
      if (differs(kept.values)) { offer(kept.values, kept.at); } else { sessionStorage.removeItem(key); }
    } catch (error) {
      sessionStorage.removeItem(key);
    }
  }
  form.addEventListener("input", function () {
    var at = new Date();
    var hhmm = ("0" + at.getHours()).slice(-2) + ":" + ("0" + at.getMinutes()).slice(-2);
    sessionStorage.setItem(key, JSON.stringify({ values: current(), at: hhmm }));
  });
})();

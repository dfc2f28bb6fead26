// Progressive enhancement only: every form also works without JavaScript.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
});

// The idle timeout's warning (accounts.IdleTimeoutMiddleware): shortly before the session ends
// the page asks the server how long is left (asking is not activity, so another tab's work
// counts) and offers to stay logged in; after the end it says that what is sent is kept.
(() => {
  const box = document.getElementById("idle-warning");
  if (!box) return;
  const total = Number(box.dataset.idleSeconds);
  const lead = Math.min(120, total / 2);
  const stay = box.querySelector("[data-idle-stay]");
  const text = document.getElementById("idle-warning-text");
  let timer;
  let returnFocus = null;
  const csrf = () => document.querySelector(".logout-form [name=csrfmiddlewaretoken]")?.value || "";
  const ask = (method) =>
    fetch(box.dataset.idleUrl, {
      method,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrf(), Accept: "application/json" },
    }).then((response) => (response.ok ? response.json() : { remaining_seconds: 0 }));
  const schedule = (seconds) => {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, seconds - lead) * 1000);
  };
  const show = () => {
    if (!box.hidden) return;
    returnFocus = document.activeElement;
    box.hidden = false;
    stay.focus();
  };
  const expired = () => {
    show();
    stay.hidden = true;
    text.textContent = text.dataset.expired;
    box.focus();
  };
  function check() {
    ask("GET")
      .then(({ remaining_seconds: left }) => {
        if (left <= 0) return expired();
        if (left > lead + 5) return schedule(left);
        show();
        clearTimeout(timer);
        timer = setTimeout(check, (left + 1) * 1000);
      })
      .catch(() => schedule(lead + 30));
  }
  box.tabIndex = -1;
  stay.addEventListener("click", () => {
    ask("POST").then(({ remaining_seconds: left }) => {
      box.hidden = true;
      if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
      schedule(left);
    });
  });
  document.addEventListener("htmx:afterRequest", () => schedule(total));
  schedule(total);
})();

// A form sent after the idle timeout comes back filled in (accounts/kept_forms.py).
(() => {
  const data = document.getElementById("kept-form");
  if (!data) return;
  const kept = JSON.parse(data.textContent);
  const form = [...document.forms].find(
    (f) => f.method === "post" && new URL(f.action, location.href).pathname === kept.action,
  );
  if (!form) return;
  const values = new Map();
  for (const [name, value] of kept.fields) values.set(name, [...(values.get(name) || []), value]);
  for (const [name, list] of values) {
    const fields = form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
    fields.forEach((field, index) => {
      if (field.type === "checkbox" || field.type === "radio") field.checked = list.includes(field.value);
      else if (field.tagName === "SELECT") for (const o of field.options) o.selected = list.includes(o.value);
      else if (field.type !== "file") field.value = list[Math.min(index, list.length - 1)];
    });
  }
  form.querySelector("input:not([type=hidden]), select, textarea")?.focus();
})();

// WebAuthn (accounts/webauthn.py): a security key or the device's own authenticator as the
// second factor. The form's button asks the server for options, the browser for the key, and
// sends the answer back; without WebAuthn in the browser the section says so.
(() => {
  for (const form of document.querySelectorAll("form[data-webauthn]")) {
    const status = form.querySelector("[data-webauthn-status]");
    const say = (text) => {
      status.textContent = text;
      status.hidden = false;
      status.focus();
    };
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
      say(form.dataset.unsupported);
      form.querySelector("button").disabled = true;
      continue;
    }
    const post = (url, body) =>
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value,
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        body: JSON.stringify(body || {}),
      }).then(async (response) => ({ ok: response.ok, data: await response.json() }));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const register = form.dataset.webauthn === "register";
      try {
        const options = await post(form.dataset.optionsUrl);
        if (!options.ok) return say(options.data.error);
        const credential = register
          ? await navigator.credentials.create({
              publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.data),
            })
          : await navigator.credentials.get({
              publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.data),
            });
        const name = form.querySelector("[name=name]")?.value || "";
        const result = await post(form.dataset.finishUrl, { credential: credential.toJSON(), name });
        if (!result.ok) return say(result.data.error);
        location.assign(result.data.next);
      } catch (error) {
        say(form.dataset.cancelled);
      }
    });
  }
})();

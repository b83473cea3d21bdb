// Body map: keeps one view's SVG (sent once per view), applies the small state the server sends,
// and reports taps, clicks, pen and keyboard activations. The tapped element is highlighted at once,
// before the server answers.
const CLASSES = ["sel", "ess", "spill", "fill", "hl", "on"];
const TARGET_PX = 24;   // a trigger point closer than this to another is grouped under a count
const MAX_ZOOM = 64;  // two trigger points 0.4 units apart (neck) still part at 24 px on a phone

function registry() {
  window.__tmap = window.__tmap || { maps: {}, pending: {} };
  return window.__tmap;
}

function semantics(host) {
  // Only what can be activated in this mode is a button; the rest is hidden from assistive tech.
  const mode = host.state.mode;
  for (const el of host.items) {
    const kind = el.dataset.k;
    const live = (kind === "r" && mode === "pain") || (kind !== "r" && mode === "muscle"
      && (kind !== "t" || el.classList.contains("on")));
    if (live) {
      el.setAttribute("role", "button");
      el.setAttribute("tabindex", "0");
      el.setAttribute("aria-label", el.dataset.label);
      const pressed = kind === "r" ? el.classList.contains("sel")
        : kind === "m" ? el.classList.contains("fill") : el.dataset.m === host.state.chosen;
      el.setAttribute("aria-pressed", String(pressed));
      el.removeAttribute("aria-hidden");
    } else {
      for (const a of ["role", "tabindex", "aria-label", "aria-pressed"]) el.removeAttribute(a);
      el.setAttribute("aria-hidden", "true");
    }
  }
}

function apply(host, state) {
  if (host.count < (state.ack || 0)) host.count = state.ack;  // a rebuilt map continues the numbering
  if (!host.static && host.count > (state.ack || 0) && host.last && (host.last.again || 0) < 3) {
    // The server has not seen the latest tap yet (a run in progress, or a tap lost between two runs):
    // keep what the reader sees and send the tap again; it carries the whole selection, so it is idempotent.
    host.last = { ...host.last, again: (host.last.again || 0) + 1 };
    host.send("tap", host.last);
    state = { ...state, cls: { ...state.cls, sel: host.last.sel ? host.last.sel.map(([r, s]) => `r-${r}-${s}`)
      : (state.cls || {}).sel } };
  }
  host.state = state;
  const svg = host.svg;
  svg.classList.remove("mode-pain", "mode-muscle", "mode-static");
  svg.classList.add(`mode-${state.mode}`);
  svg.classList.toggle("cautions", !!state.cautions);
  svg.classList.toggle("large", !!state.large);
  svg.classList.toggle("has-chosen", !!state.chosen);  // other muscles fade back behind the chosen one
  for (const cls of CLASSES) {
    for (const el of svg.querySelectorAll(`.${cls}`)) el.classList.remove(cls);
    for (const id of (state.cls || {})[cls] || []) host.index.get(id)?.classList.add(cls);
  }
  focus(host, state.focus);
  if (host.static) return;
  semantics(host);
  cluster(host);
}

function focus(host, box) {
  // Zoom onto what the state shows (a muscle's pattern), once per new box; the reader can zoom out.
  const key = JSON.stringify(box || null);
  if (key === host.focusKey) return;
  host.focusKey = key;
  const [bx, by, bw, bh] = host.base;
  const [x, y, w, h] = box || [bx, by, bw, bh];
  const z = Math.min(bw / w, bh / h);
  if (host.static) {
    host.z = Math.min(Math.max(z, 1), MAX_ZOOM);
    host.cx = x + w / 2;
    host.cy = y + h / 2;
    host.svg.setAttribute("viewBox", host.box().join(" "));
  } else {
    setZoom(host, z, x + w / 2, y + h / 2);
  }
}

function scale(host) {
  const r = host.svg.getBoundingClientRect();
  const [, , w, h] = host.box();
  return r.width && r.height ? Math.min(r.width / w, r.height / h) : 0;
}

function cluster(host) {
  // Trigger points too close to tap one by one become a numbered badge; tapping it zooms in.
  const layer = host.svg.querySelector(".badges");
  layer.replaceChildren();
  const s = scale(host);
  const shown = [...host.svg.querySelectorAll(".tp.on")];
  shown.forEach((el) => el.classList.remove("hid"));
  if (!s) return;
  const near = TARGET_PX / s;
  // Each × is about 14 px across (its tap target 21 px) at any zoom, so neighbours never cover each other.
  const size = 7 / s;
  for (const use of host.svg.querySelectorAll(".tp use")) use.setAttribute("transform", `scale(${size})`);
  const groups = [];
  for (const el of shown) {
    const [x, y] = el.getAttribute("transform").match(/-?[\d.]+/g).map(Number);
    const g = groups.find((g) => Math.hypot(g.x - x, g.y - y) < near);
    if (g) g.items.push({ el, x, y }); else groups.push({ x, y, items: [{ el, x, y }] });
  }
  // A badge sits at its group's centre: a lone × that close to it would be covered, so it joins the group.
  const centre = (g) => [g.items.reduce((a, p) => a + p.x, 0) / g.items.length,
    g.items.reduce((a, p) => a + p.y, 0) / g.items.length];
  for (const lone of groups.filter((g) => g.items.length === 1)) {
    const host = groups.find((g) => g.items.length > 1 && Math.hypot(...centre(g).map((c, i) => c - [lone.x, lone.y][i])) < near);
    if (host) { host.items.push(...lone.items); lone.items = []; }
  }
  const ns = "http://www.w3.org/2000/svg";
  for (const g of groups.filter((g) => g.items.length > 1)) {
    g.items.forEach((p) => p.el.classList.add("hid"));
    const [cx, cy] = centre(g);
    const badge = document.createElementNS(ns, "g");
    badge.setAttribute("class", "cl");
    badge.setAttribute("transform", `translate(${cx} ${cy})`);
    badge.dataset.k = "c";
    badge.setAttribute("role", "button");
    badge.setAttribute("tabindex", "0");
    badge.setAttribute("aria-label", `${g.items.length} trigger points close together: zoom in`);
    const r = 11 / s;
    badge.innerHTML = `<circle r="${r}"/><text y="${r * 0.38}" style="font-size:${r * 1.1}px">`
      + `${g.items.length}</text>`;
    badge.points = g.items;
    badge.dataset.ids = g.items.map((p) => p.el.id).join(" ");
    layer.appendChild(badge);
  }
}

function setZoom(host, z, cx, cy) {
  const [bx, by, bw, bh] = host.base;
  host.z = Math.min(Math.max(z, 1), MAX_ZOOM);
  const w = bw / host.z, h = bh / host.z;
  host.cx = Math.min(Math.max(cx ?? host.cx, bx + w / 2), bx + bw - w / 2);
  host.cy = Math.min(Math.max(cy ?? host.cy, by + h / 2), by + bh - h / 2);
  host.svg.setAttribute("viewBox", host.box().join(" "));
  host.svg.style.touchAction = host.z > 1 ? "none" : "pan-y";
  host.root.querySelector("[data-z=reset]").disabled = host.z === 1;
  host.root.querySelector("[data-z=out]").disabled = host.z === 1;
  host.root.querySelector("[data-z=in]").disabled = host.z === MAX_ZOOM;
  cluster(host);
}

function zoomInto(host, badge) {
  const pts = badge.points;
  let gap = Infinity;
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) {
    gap = Math.min(gap, Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y));
  }
  const need = (TARGET_PX * 1.6) / (Math.max(gap, 0.2) * scale(host));
  const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // as close as the nearest two need, but never so close that part of the group leaves the map
  // (a margin of two tap targets on each side, in screen pixels at the new zoom)
  const base = scale(host) / host.z;
  const [, , bw, bh] = host.base;
  const room = (4 * TARGET_PX) / base;
  const fit = Math.min((bw - room) / Math.max(x1 - x0, 1e-6), (bh - room) / Math.max(y1 - y0, 1e-6));
  setZoom(host, Math.min(host.z * Math.max(need, 1.5), fit), (x0 + x1) / 2, (y0 + y1) / 2);
  const first = host.index.get(pts[0].el.id);
  if (first && badge.dataset.kb) first.focus();
}

function activate(host, el, viaKeyboard) {
  const kind = el.dataset.k;
  if (kind === "c") {
    if (viaKeyboard) el.dataset.kb = "1";
    zoomInto(host, el);
    return;
  }
  const mode = host.state.mode;
  if ((kind === "r" && mode !== "pain") || (kind !== "r" && mode !== "muscle")) return;
  const payload = { k: kind, id: el.dataset.id, side: el.dataset.side, n: ++host.count };
  if (kind === "r") {
    const on = !el.classList.contains("sel");
    el.classList.toggle("sel", on);
    el.setAttribute("aria-pressed", String(on));
    payload.sel = [...host.svg.querySelectorAll(".rg.sel")].map((r) => [r.dataset.id, r.dataset.side]);
  } else {
    for (const f of host.svg.querySelectorAll(".ms.fill")) f.classList.remove("fill");
    const muscle = kind === "t" ? el.dataset.m : el.dataset.id;
    for (const m of host.svg.querySelectorAll(".ms")) {
      if (m.dataset.id === muscle && m.dataset.side === el.dataset.side) m.classList.add("fill");
    }
    el.setAttribute("aria-pressed", "true");
    payload.m = muscle;
  }
  host.last = payload;
  host.send("tap", payload);
}

function listen(host) {
  const svg = host.svg;
  const touches = new Map();
  let drag = null, pinch = null;
  svg.addEventListener("pointerdown", (e) => {
    touches.set(e.pointerId, [e.clientX, e.clientY]);
    if (touches.size === 1) drag = { x: e.clientX, y: e.clientY, cx: host.cx, cy: host.cy, moved: false };
    if (touches.size === 2) {
      const [a, b] = [...touches.values()];
      pinch = { d: Math.hypot(a[0] - b[0], a[1] - b[1]), z: host.z };
      if (drag) drag.moved = true;
    }
  });
  svg.addEventListener("pointermove", (e) => {
    if (!touches.has(e.pointerId)) return;
    touches.set(e.pointerId, [e.clientX, e.clientY]);
    if (pinch && touches.size === 2) {
      const [a, b] = [...touches.values()];
      setZoom(host, pinch.z * Math.hypot(a[0] - b[0], a[1] - b[1]) / pinch.d);
    } else if (drag) {
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) > 8) {
        drag.moved = true;
        svg.setPointerCapture(e.pointerId);  // only once it is a drag: a tap must keep its own target
      }
      if (drag.moved && host.z > 1) {
        const s = scale(host);
        setZoom(host, host.z, drag.cx - dx / s, drag.cy - dy / s);
      }
    }
  });
  const up = (e) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) pinch = null;
  };
  svg.addEventListener("pointerup", up);
  svg.addEventListener("pointercancel", up);
  svg.addEventListener("click", (e) => {
    const moved = drag && drag.moved;
    drag = null;
    const el = e.target.closest("[data-k]");
    if (!moved && el) activate(host, el, false);
  });
  svg.addEventListener("keydown", (e) => {
    const el = e.target.closest("[data-k]");
    if (el && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      activate(host, el, true);
    }
  });
  host.root.querySelector(".skip").addEventListener("click", () => skipPast(host.root));
  host.root.querySelector(".zoom").addEventListener("click", (e) => {
    const z = e.target.closest("button")?.dataset.z;
    if (z === "in") setZoom(host, host.z * 1.6);
    if (z === "out") setZoom(host, host.z / 1.6);
    if (z === "reset") setZoom(host, 1, host.base[0] + host.base[2] / 2, host.base[1] + host.base[3] / 2);
  });
  new ResizeObserver(() => cluster(host)).observe(svg);
}

// Every area of the map is a tab stop; a keyboard user who wants the list below, or the rest of the page, would
// otherwise press Tab once per area (WCAG 2.4.1, bypass blocks). The first tab stop of the map jumps past it.
const FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

function skipPast(root) {
  const map = root.getRootNode().host || root;  // the map lives in a shadow root: compare its host with the page
  const next = [...document.querySelectorAll(FOCUSABLE)].find((el) => !map.contains(el) && !el.disabled
    && el.getClientRects().length && map.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  next?.focus();
}

function build(parent, data) {
  const root = document.createElement("div");
  root.className = "tmap";
  root.dataset.gid = data.gid;
  const zoom = data.static ? "" : `<div class="zoom" role="group" aria-label="Zoom the body map">
    <button type="button" data-z="in" aria-label="Zoom in">+</button>
    <button type="button" data-z="out" aria-label="Zoom out">&minus;</button>
    <button type="button" data-z="reset" aria-label="Show the whole body">&#x27F2;</button></div>`;
  const skip = data.static ? "" : '<button type="button" class="skip">Skip past the map</button>';
  root.innerHTML = skip + zoom + data.svg;
  parent.querySelector(".tmap")?.remove();
  parent.appendChild(root);
  const svg = root.querySelector("svg");
  const base = svg.getAttribute("viewBox").split(/\s+/).map(Number);
  const host = {
    root, svg, base, z: 1, cx: base[0] + base[2] / 2, cy: base[1] + base[3] / 2, count: 0,
    index: new Map([...svg.querySelectorAll("[id]")].map((el) => [el.id, el])),
    items: [...svg.querySelectorAll("[data-k]")],
    state: data.state || { mode: "static", cls: {} }, static: !!data.static,
  };
  host.box = () => [host.cx - base[2] / host.z / 2, host.cy - base[3] / host.z / 2, base[2] / host.z,
    base[3] / host.z];
  if (!data.static) {
    listen(host);
    setZoom(host, 1);
  }
  return host;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const reg = registry();
  let host = parentElement.__tmapHost;
  if (!host || host.root.dataset.gid !== data.gid || !host.root.isConnected) {
    host = build(parentElement, data);
    parentElement.__tmapHost = host;
  }
  host.send = setTriggerValue;
  if (data.baked) return;
  const update = (s) => { if (s.gid === data.gid) apply(host, s.state); };
  reg.maps[data.key] = update;
  const pending = reg.pending[data.key];
  if (pending) update(pending);
  return () => { if (reg.maps[data.key] === update) delete reg.maps[data.key]; };
}

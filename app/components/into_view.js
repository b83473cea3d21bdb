// Bring a just-shown warning into view: on a phone the red-flag warning is drawn at the top of the page while
// the person is scrolled down at the checklist. Scrolls once per new message (data.id), not on every rerun.
export default function ({ data, parentElement }) {
  window.__tmapSeen = window.__tmapSeen || {};
  if (!data || !data.id || window.__tmapSeen[data.key] === data.id) return;
  window.__tmapSeen[data.key] = data.id;
  const anchor = parentElement.host || parentElement; // the mount may be a shadow root
  const target = anchor.closest('[data-testid="stElementContainer"]') || anchor;
  target.style.scrollMarginTop = "5rem"; // below Streamlit's fixed header
  requestAnimationFrame(() => target.scrollIntoView({ block: "start", behavior: "auto" }));
}

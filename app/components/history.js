// Back goes to the previous page. Streamlit pushes a history entry each time the query string changes, so a
// page writing its own state to the address (study seed, chosen areas) left extra entries and Back seemed
// stuck on it. A change that keeps the path now replaces the entry; a change of page still adds one.
export default function () {
  if (window.__tmapHistory) return;
  window.__tmapHistory = true;
  const push = window.history.pushState.bind(window.history);
  window.history.pushState = (state, title, url) => {
    const next = url ? new URL(url, window.location.href) : null;
    if (next && next.pathname === window.location.pathname) {
      window.history.replaceState(state, title, url);
      return;
    }
    push(state, title, url);
  };
}

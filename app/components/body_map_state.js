// Map state (a few element ids per class): handed to the body map with the same key, which applies it.
export default function ({ data }) {
  window.__tmap = window.__tmap || { maps: {}, pending: {} };
  window.__tmap.pending[data.key] = data;
  const update = window.__tmap.maps[data.key];
  if (update) update(data);
}

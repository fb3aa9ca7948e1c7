// The host page listens to the element's event, as any embedding page could: it bubbles out of
// the shadow root to the document.
document.addEventListener('analysis', (event) => {
  const people = event.detail.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  document.getElementById('heard').textContent = `analysis event from <${event.target.localName}>: ${event.detail.entities.length} entities; people: ${people.join(', ')}`;
});

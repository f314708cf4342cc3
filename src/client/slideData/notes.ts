// Speaker notes for the slide reader: the slide's hidden <aside
// class="notes"> laid out off-screen for a moment and read as text, one line
// per paragraph (the notes pane spaces paragraphs itself).
export function notesOf(section: Element): string {
  const aside = section.querySelector('aside.notes');
  if (!aside || (aside.textContent ?? '').trim() === '') return '';
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;left:-20000px;top:0;width:800px;white-space:normal';
  probe.innerHTML = aside.innerHTML;
  document.body.appendChild(probe);
  const text = probe.innerText;
  probe.remove();
  return text.replace(/\n\s*\n/g, '\n').trim();
}

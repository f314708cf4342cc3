// @vitest-environment happy-dom
// The images rule: a picture that finished loading with nothing to show; one
// the parse already said is missing is not said again.
import { describe, expect, it } from 'vitest';
import { images } from '../../../../src/client/doctor/rules/images.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

/** As the browser leaves an image: done, and this wide. */
function loaded(img: Element, naturalWidth: number): void {
  Object.defineProperties(img, { complete: { value: true }, naturalWidth: { value: naturalWidth } });
}

describe('images', () => {
  it('names an image that did not load, at its line', () => {
    const ctx = slide(
      '<p data-line="7"><img src="broken.png" alt="坏"></p><p><img src="good.png" alt="好"></p><p><img src="gone.png" data-missing alt="缺"></p>',
    );
    const [broken, good, gone] = Array.from(ctx.section.querySelectorAll('img'));
    loaded(broken, 0);
    loaded(good, 640);
    loaded(gone, 0);
    expect(images(ctx)).toEqual([{ level: 'error', message: 'image did not load: broken.png', line: 7 }]);
  });
});

// A photo taken with the phone is resized on the phone before it is sent: a 12-megapixel picture of an
// ID card is 3–5 MB, too slow on a weak connection and bigger than the server takes. The longest side
// becomes 1600 px (the card's text stays readable) and the picture a JPEG of quality 0.85 (~200–400 kB).

export const maxPhotoSide = 1600;
export const photoQuality = 0.85;

async function decode(
  file: Blob,
): Promise<{ image: CanvasImageSource; width: number; height: number; done(): void }> {
  if ('createImageBitmap' in window) {
    try {
      // from-image: a photo taken upright on a phone stays upright (its EXIF orientation is applied).
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { image: bitmap, width: bitmap.width, height: bitmap.height, done: () => bitmap.close() };
    } catch {
      // some browsers cannot decode every format this way; the <img> route below can
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return {
      image: img,
      width: img.naturalWidth,
      height: img.naturalHeight,
      done: () => URL.revokeObjectURL(url),
    };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

/** The picture to send: resized and re-encoded as JPEG; a PDF (or anything not an image) as it is. */
export async function preparePhoto(file: File): Promise<File> {
  if (!file.type.startsWith('image/')) return file;
  const source = await decode(file);
  try {
    const scale = Math.min(1, maxPhotoSide / Math.max(source.width, source.height));
    const width = Math.max(1, Math.round(source.width * scale));
    const height = Math.max(1, Math.round(source.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.fillStyle = '#fff'; // a transparent PNG gets a white background, not a black one
    context.fillRect(0, 0, width, height);
    context.drawImage(source.image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', photoQuality),
    );
    if (!blob) return file;
    // A small JPEG already is smaller than its copy.
    if (scale === 1 && file.type === 'image/jpeg' && file.size <= blob.size) return file;
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg' });
  } finally {
    source.done();
  }
}

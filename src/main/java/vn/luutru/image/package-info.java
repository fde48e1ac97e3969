/**
 * Photos: the renditions published for each photo an article uses (widths, thumbnails, JPEG),
 * orientation from EXIF applied, metadata stripped, colours in sRGB, a cache keyed by the photo's
 * bytes and the settings, and a clear message for a file that cannot be a photo on the web. Depends
 * on nothing of luutru but the content package's text of diagnostics.
 */
package vn.luutru.image;

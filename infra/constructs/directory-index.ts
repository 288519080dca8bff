/**
 * CloudFront Function (cloudfront-js-2.0, viewer request) for the static site's directory indexes.
 * S3 behind Origin Access Control has no index documents: `/es/pledge/` must be asked for as
 * `/es/pledge/index.html`. A path whose last segment has no dot (`/es/pledge`) is treated as a
 * directory too, so links with or without the trailing slash both work. Query strings are kept.
 *
 * Kept as plain ES5-style source in a string: it is uploaded as is, and the infra tests run it.
 */
export const DIRECTORY_INDEX_FUNCTION_CODE = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
  } else if (uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
`.trim();

import { LANGUAGES } from '../../functions/domain/shared/languages.js';

/**
 * CloudFront Function (cloudfront-js-2.0, viewer request) for the static site's directory indexes.
 * S3 behind Origin Access Control has no index documents: `/es/pledge/` must be asked for as
 * `/es/pledge/index.html`. A path whose last segment has no dot (`/es/pledge`) is treated as a
 * directory too, so links with or without the trailing slash both work. Query strings are kept.
 *
 * Kept as plain ES5-style source in a string: it is uploaded as is, and the infra tests run it.
 */

export const DIRECTORY_INDEX_FUNCTION_CODE = `
var LANGUAGES = ${JSON.stringify([...LANGUAGES])};

// "/" picks the visitor's language from Accept-Language, as functions/domain/shared/languages.ts does locally.
function preferredLanguage(header) {
  var best = 'en', bestWeight = 0;
  var parts = (header || '').split(',');
  for (var i = 0; i < parts.length; i++) {
    var pieces = parts[i].trim().split(';');
    var primary = pieces[0].trim().toLowerCase().split('-')[0];
    var weight = 1;
    for (var j = 1; j < pieces.length; j++) {
      var param = pieces[j].trim();
      if (param.indexOf('q=') === 0) weight = parseFloat(param.substring(2)) || 0;
    }
    if (LANGUAGES.indexOf(primary) !== -1 && weight > bestWeight) { best = primary; bestWeight = weight; }
  }
  return best;
}

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/') {
    var header = request.headers['accept-language'];
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: { location: { value: '/' + preferredLanguage(header && header.value) + '/' }, vary: { value: 'Accept-Language' } },
    };
  }
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
  } else if (uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
`.trim();

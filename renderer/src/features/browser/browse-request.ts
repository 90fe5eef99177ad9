/**
 * A node another tab asks the Browser to open (a search result): the browser of that connection reveals it
 * once shown, then forgets the request.
 */
export interface BrowseRequest {
  connectionId: string;
  path: string;
}

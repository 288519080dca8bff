/**
 * One page of a listing that can be resumed anywhere: `items` in the listing's order, and `next`,
 * the cursor to ask for the following page with (absent: the listing is done). A listing's
 * cursors increase in string order (`a < b`: a comes first), so a cursor that was saved says how
 * far a listing got, and two cursors say which of them is further.
 */
export interface CursorPage<T> {
  items: T[];
  next?: string;
}

import type { Child } from 'hono/jsx';

/** A column of a {@link DataTable}: its header. */
export interface Column {
  label: string;
  /** Right-aligned figures (class "numeric" on the header). */
  numeric?: boolean;
  /** The label is for screen readers only (e.g. the actions column). */
  visuallyHidden?: boolean;
  /** Further classes of the header, e.g. "col-actions" to give the column its width. */
  class?: string;
}

export interface DataTableProps {
  /** Id of the caption; the scroll box is labelled by it, and scripts rewrite it. */
  captionId: string;
  caption: Child;
  /** A caption for screen readers only, where a heading already says it on screen. */
  captionHidden?: boolean;
  /** The header row; leave it out when a script writes the head (give headId). */
  columns?: readonly Column[];
  /** Ids a script fills: the head (when there are no columns), the body, the foot. */
  headId?: string;
  bodyId: string;
  footId?: string;
  tableId?: string;
}

const classes = (...names: (string | false | undefined)[]): string | undefined => names.filter(Boolean).join(' ') || undefined;

/**
 * A console data table that scripts fill: inside a scroll box that keyboard users can focus and
 * that is named by the table's caption, so a wide table scrolls on its own instead of widening
 * the page. Static structure only.
 */
export function DataTable(props: DataTableProps) {
  return (
    <div class="grid-scroll" role="region" tabindex={0} aria-labelledby={props.captionId}>
      <table id={props.tableId} class="data">
        <caption id={props.captionId} class={props.captionHidden ? 'visually-hidden' : undefined}>
          {props.caption}
        </caption>
        <thead id={props.headId}>
          {props.columns && (
            <tr>
              {props.columns.map((column) => (
                <th scope="col" class={classes(column.numeric && 'numeric', column.class)}>
                  {column.visuallyHidden ? <span class="visually-hidden">{column.label}</span> : column.label}
                </th>
              ))}
            </tr>
          )}
        </thead>
        <tbody id={props.bodyId}></tbody>
        {props.footId && <tfoot id={props.footId}></tfoot>}
      </table>
    </div>
  );
}

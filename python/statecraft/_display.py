"""Plain-text and HTML tables for the results' __repr__ and _repr_html_ (Jupyter).

Each result describes itself as a title, column headers, rows and notes (its `_table()`); these
helpers lay that out as aligned text for a terminal or as a compact HTML table for a notebook.
"""

import html
import math


def number(value, digits=1):
    """A value as the tables show it: fixed digits, '-' for None or NaN, text as it is."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return "-"
        return "%.*f" % (digits, value)
    return str(value)


def interval(quantiles, digits=1):
    """A distribution's median with its 10-90 % interval: '58.5 [52.1, 63.0]'."""
    return "%s [%s, %s]" % (number(quantiles["median"], digits), number(quantiles["q10"], digits),
                            number(quantiles["q90"], digits))


def probability(value):
    return "-" if value is None else "%.0f%%" % (100 * value)


def levers_text(levers):
    """A plan's levers as 'L1 20, L3 45', or 'no lever'."""
    if not levers:
        return "no lever"
    return ", ".join("%s %g" % (lever["lever"], lever["magnitude"])
                     if lever.get("magnitude") is not None else lever["lever"]
                     for lever in levers)


def _is_numeric(cell):
    text = cell.replace("%", "").replace("-", "", 1).split(" ")[0]
    return text.replace(".", "", 1).isdigit() or cell == "-"


def text_table(title, headers, rows, notes=()):
    """The title, then the rows under their headers with columns padded (numbers right-aligned),
    then the notes, each on its own line."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max([len(header)] + [len(row[column]) for row in cells])
              for column, header in enumerate(headers)]
    numeric = [bool(cells) and all(_is_numeric(row[column]) for row in cells)
               for column in range(len(headers))]

    def line(row):
        return "  ".join(cell.rjust(width) if right else cell.ljust(width)
                         for cell, width, right in zip(row, widths, numeric)).rstrip()

    out = [title]
    if headers:
        out.append("  " + line(headers))
        out.extend("  " + line(row) for row in cells)
    out.extend(notes)
    return "\n".join(out)


def html_table(title, headers, rows, notes=()):
    """The same as a compact HTML table with the title as its caption and the notes below."""
    escape = html.escape
    parts = ['<div class="statecraft-result"><table style="border-collapse:collapse">',
             '<caption style="text-align:left;font-weight:bold">%s</caption>' % escape(title)]
    if headers:
        parts.append("<thead><tr>%s</tr></thead>" % "".join(
            '<th style="text-align:left;padding:0 0.6em">%s</th>' % escape(str(header))
            for header in headers))
        parts.append("<tbody>")
        for row in rows:
            parts.append("<tr>%s</tr>" % "".join(
                '<td style="text-align:%s;padding:0 0.6em">%s</td>'
                % ("right" if _is_numeric(str(cell)) else "left", escape(str(cell)))
                for cell in row))
        parts.append("</tbody>")
    parts.append("</table>")
    parts.extend("<p>%s</p>" % escape(note) for note in notes)
    parts.append("</div>")
    return "".join(parts)


class Displayed:
    """Mixin: __repr__ and _repr_html_ from the class's _table() -> (title, headers, rows,
    notes)."""

    def __repr__(self):
        return text_table(*self._table())

    def _repr_html_(self):
        return html_table(*self._table())


def attach_display(cls, table):
    """Gives a compiled class the same __repr__ and _repr_html_ from a table function."""
    cls._table = table
    cls.__repr__ = lambda self: text_table(*self._table())
    cls._repr_html_ = lambda self: html_table(*self._table())

"""Reading the figures other apps add to the facilitators' panel and monitoring report
(`directory.figures`): the panel's table of a source, the report, one source's Excel sheet."""

import io

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def panel_rows(html, label):
    """{country name: [cells]} of the panel's "<label> by country" table."""
    heading = f"{label} by country"
    assert heading in html
    table = html[html.index(heading) :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in table.split("<tr>")[2:]:
        name = row.split('<th scope="row">')[1].split("</th>")[0]
        rows[name] = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
    return rows


def report(client, user, fmt, **query):
    """The monitoring report of every organisation in `user`'s scope, as `fmt` (csv, xlsx)."""
    client.force_login(user)
    response = client.get(reverse("facilitation_report", args=[fmt]), {"attention": "all", **query})
    assert response.status_code == 200
    return response


def sheet(response, name):
    """The header and {country: [values]} of the Excel report's sheet `name`."""
    rows = [
        [cell.value for cell in row]
        for row in openpyxl.load_workbook(io.BytesIO(response.content))[name].iter_rows()
    ]
    return rows[0], {row[0]: row[1:] for row in rows[1:]}


def queries(client, url, **query):
    """The queries a GET of `url` costs once the per-process caches are warm."""
    client.get(url, query)  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(captured)

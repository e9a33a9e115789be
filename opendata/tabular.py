"""The directory as an HSDS tabular data package: a zip of CSV files, one per HSDS table, with
its `datapackage.json`, in one language (as the API gives it: `opendata.hsds`)."""

import csv
import io
import json
import zipfile

from django.conf import settings
from django.utils import timezone

from opendata.hsds import TAXONOMIES, Directory, Records

BATCH = 500

#: The tables, with their columns, as HSDS 3.0's tabular format names them.
TABLES = {
    "organizations": [
        "id", "name", "alternate_name", "description", "email", "website", "tax_status",
        "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id",
    ],
    "services": [
        "id", "organization_id", "program_id", "name", "alternate_name", "description", "url",
        "email", "status", "interpretation_services", "application_process",
        "fees_description", "wait_time", "fees", "accreditations", "eligibility_description",
        "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
        "last_modified",
    ],
    "locations": [
        "id", "location_type", "url", "organization_id", "name", "alternate_name",
        "description", "transportation", "latitude", "longitude", "external_identifier",
        "external_identifier_type",
    ],
    "service_at_location": ["id", "service_id", "location_id", "description"],
    "addresses": [
        "id", "location_id", "attention", "address_1", "address_2", "city", "region",
        "state_province", "postal_code", "country", "address_type",
    ],
    "phones": [
        "id", "location_id", "service_id", "organization_id", "contact_id",
        "service_at_location_id", "number", "extension", "type", "description",
    ],
    "attributes": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
    "taxonomies": ["id", "name", "description", "uri", "version"],
    "taxonomy_terms": [
        "id", "code", "name", "description", "parent_id", "taxonomy", "language",
        "taxonomy_id", "term_uri",
    ],
}  # fmt: skip


class Tables:
    def __init__(self):
        self.rows = {name: [] for name in TABLES}
        self.seen = set()

    def add(self, table, record):
        if (table, record["id"]) in self.seen:
            return
        self.seen.add((table, record["id"]))
        self.rows[table].append(record)

    def add_organisation(self, record):
        for phone in record.get("phones", []):
            self.add("phones", phone)
        for location in record.get("locations", []):
            self.add_location(location)
        for attribute in record.get("attributes", []):
            self.add("attributes", attribute)
        self.add("organizations", record)

    def add_location(self, location):
        for address in location.get("addresses", []):
            self.add("addresses", address)
        self.add("locations", location)

    def add_service(self, record):
        for phone in record.get("phones", []):
            self.add("phones", phone)
        for attribute in record.get("attributes", []):
            self.add("attributes", attribute)
        for at_location in record.get("service_at_locations", []):
            self.add_location(at_location["location"])
            self.add("service_at_location", at_location)
        self.add("services", record)

    def csv(self, table):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=TABLES[table], extrasaction="ignore")
        writer.writeheader()
        for record in self.rows[table]:
            writer.writerow({key: "" if value is None else value for key, value in record.items()})
        return out.getvalue()


def batches(ids):
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def package(language, request=None):
    """The zip's bytes: every live organisation and service, in `language`."""
    directory = Directory(language)
    records = Records(directory, request)
    tables = Tables()
    ids = list(directory.ordered(directory.organisation_rows()).values_list("page_id", flat=True))
    for batch in batches(ids):
        for page in directory.organisations(batch):
            tables.add_organisation(records.organisation(page, full=True))
    ids = list(directory.ordered(directory.service_rows()).values_list("page_id", flat=True))
    for batch in batches(ids):
        for page in directory.services(batch):
            tables.add_service(records.service(page, full=True))
    for vocabulary in TAXONOMIES:
        tables.add("taxonomies", records.taxonomy(vocabulary))
        for term in directory.terms(vocabulary):
            tables.add("taxonomy_terms", records.taxonomy_term(vocabulary, term))

    descriptor = {
        "name": f"morethanajob-hsds-{language}",
        "title": "MoreThanAJob directory (Open Referral HSDS 3.0)",
        "profile": "tabular-data-package",
        "created": timezone.now().isoformat(timespec="seconds"),
        "language": language,
        "licenses": [
            {
                "name": settings.PORTAL_OPEN_DATA_LICENCE_NAME,
                "title": settings.PORTAL_OPEN_DATA_LICENCE_TITLE,
                "path": settings.PORTAL_OPEN_DATA_LICENCE_URL,
            }
        ],
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": column, "type": "string"} for column in columns],
                    "primaryKey": "id",
                },
            }
            for table, columns in TABLES.items()
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False))
        for table in TABLES:
            archive.writestr(f"{table}.csv", tables.csv(table))
    return buffer.getvalue()

#!/usr/bin/env python3
"""Reads exported .vcf files with Python's vobject (a third, optional vCard reader; not part of
`npm test`: `apt-get install -y python3-vobject`) and prints each card's fields as one JSON line,
to compare with what LeadBooth holds.

    /usr/bin/python3 test/tools/read-vcards-with-vobject.py leads.vcf

vobject cuts a URL at an unescaped comma (`URL:https://x.example/a,b` reads as
`https://x.example/a`); LeadBooth writes the comma as `%2C` for that reason.
"""
import json
import sys

import vobject


def value(card, name):
    if not hasattr(card, name):
        return None
    found = getattr(card, name).value
    if isinstance(found, vobject.vcard.Name):
        return [found.family, found.given, found.additional, found.prefix, found.suffix]
    if isinstance(found, vobject.vcard.Address):
        return [found.box, found.extended, found.street, found.city, found.region, found.code, found.country]
    return found


def main(files):
    for file in files:
        with open(file, encoding='utf-8', newline='') as handle:
            for card in vobject.readComponents(handle.read()):
                tels = {str(tel.params.get('TYPE', [''])[0]).lower(): tel.value for tel in card.contents.get('tel', [])}
                fields = {name: value(card, name) for name in ['kind', 'fn', 'n', 'org', 'title', 'email', 'adr', 'url', 'note', 'uid']}
                fields['tel'] = tels
                print(json.dumps(fields, ensure_ascii=False))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

// An organisation file's lines, table-driven: unit types and e-mail addresses as exports write them,
// and the checks of the file on its own (an area given two chiefs; a name without its e-mail).
import { describe, expect, it } from 'vitest'
import { recogniseHeaders } from '../../src/core/import/fields'
import { organisationLines } from '../../src/core/import/organisation'
import { readRows, type SourceTable } from '../../src/core/import/rows'

const HEADERS = ['Område', 'Enhed', 'Enhedstype', 'Omkostningssted', 'EAN', 'Leder', 'Leder e-mail', 'Områdechef', 'Områdechef e-mail']
const table = (...rows: string[][]): SourceTable => ({ headers: HEADERS, rows: rows.map((cells, i) => ({ line: i + 2, cells })) })
const read = (...rows: string[][]) => readRows('organisation', table(...rows), recogniseHeaders('organisation', HEADERS), 1)

describe('the organisation’s columns', () => {
  it('are all recognised by their Danish headers', () => {
    expect(Object.values(recogniseHeaders('organisation', HEADERS))).toEqual([
      'area',
      'unit',
      'unitType',
      'costCentre',
      'ean',
      'leader',
      'leaderEmail',
      'chief',
      'chiefEmail',
    ])
  })

  it.each([
    ['Skole', 'school'],
    ['folkeskole', 'school'],
    ['SFO', 'school'],
    ['Dagtilbud', 'daycare'],
    ['Daginstitution', 'daycare'],
    ['Børnehave', 'daycare'],
    ['Integreret  institution', 'daycare'],
  ])('reads the unit type %j as %s', (cell, type) => {
    expect(read(['Nord', 'Enhed', cell, '1']).rows[0]?.values.unitType).toBe(type)
  })

  it.each([
    ['Plejehjem', "Linje 2, kolonne Enhedstype: 'Plejehjem' er ikke en enhedstype (skole eller dagtilbud)"],
    ['', 'Linje 2, kolonne Enhedstype: skal udfyldes'],
  ])('refuses the unit type %j', (cell, message) => {
    expect(read(['Nord', 'Enhed', cell, '1']).issues.map((i) => i.message)).toEqual([message])
  })

  it.each([
    [' Ida.Ny@Kommune.DK ', 'ida.ny@kommune.dk', null],
    ['ida.ny@kommune', null, "Linje 2, kolonne Leder e-mail: 'ida.ny@kommune' er ikke en e-mailadresse"],
    ['ida ny@kommune.dk', null, "Linje 2, kolonne Leder e-mail: 'ida ny@kommune.dk' er ikke en e-mailadresse"],
  ])('reads the e-mail %j', (cell, email, message) => {
    const r = read(['Nord', 'Enhed', 'Skole', '1', '', 'Ida Ny', cell])
    expect(r.rows[0]?.values.leaderEmail ?? null).toBe(email)
    expect(r.issues.map((i) => i.message)).toEqual(message ? [message] : [])
  })
})

describe('organisationLines', () => {
  it('gives an area one chief: a second one on another line is an error there', () => {
    const { lines, issues } = organisationLines(
      read(['Område Nord', 'A', 'Skole', '1', '', '', '', 'Olga', 'olga@k.dk'], ['område  nord', 'B', 'Skole', '2', '', '', '', 'Per', 'per@k.dk']).rows,
    )
    expect(issues.map((i) => i.message)).toEqual(['Linje 3: området område  nord har en anden områdechef i linje 2 (olga@k.dk).'])
    expect(lines.map((l) => l.unitName)).toEqual(['A'])
  })

  it('takes a line without people: the unit’s leaders and chief stay as they are', () => {
    const { lines } = organisationLines(read(['Område Nord', 'A', 'Skole', '1']).rows)
    expect(lines).toEqual([
      { line: 2, area: 'Område Nord', unitName: 'A', unitType: 'school', costCentre: '1', ean: '', leader: null, chief: null, contact: null },
    ])
  })
})

describe('the unit’s economics contact', () => {
  const WITH_CONTACT = [...HEADERS, 'Økonomikonsulent', 'Økonomikonsulent e-mail', 'Økonomikonsulent tlf']
  const readWith = (...rows: string[][]) =>
    readRows(
      'organisation',
      { headers: WITH_CONTACT, rows: rows.map((cells, i) => ({ line: i + 2, cells })) },
      recogniseHeaders('organisation', WITH_CONTACT),
      1,
    )
  const unit = ['Område Nord', 'A', 'Skole', '1', '', '', '', '', '']

  it('is recognised by its headers, and read with its phone; one without a phone has an empty one', () => {
    expect(Object.values(recogniseHeaders('organisation', WITH_CONTACT)).slice(-3)).toEqual(['contact', 'contactEmail', 'contactPhone'])
    const { lines, issues } = organisationLines(
      readWith(
        [...unit, 'Birgitte Lund', 'Birgitte.Lund@Kommune.dk', '72 10 40 11'],
        [...unit.slice(0, 3), '2', ...unit.slice(4), 'Bo Berg', 'bo@kommune.dk', ''],
      ).rows,
    )
    expect(issues).toEqual([])
    expect(lines.map((l) => l.contact)).toEqual([
      { name: 'Birgitte Lund', email: 'birgitte.lund@kommune.dk', phone: '72 10 40 11' },
      { name: 'Bo Berg', email: 'bo@kommune.dk', phone: '' },
    ])
  })

  it('a name without its e-mail is an error, as for a leader', () => {
    const { lines, issues } = organisationLines(readWith([...unit, 'Birgitte Lund', '', '']).rows)
    expect(issues.map((i) => i.message)).toEqual(['Linje 2: kolonne Økonomikonsulent e-mail skal udfyldes, når kolonne Økonomikonsulent er det.'])
    expect(lines).toEqual([])
  })
})

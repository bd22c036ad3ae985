// Swedish texts of the geography page (features/geo): the county map and table. Spread into sv.ts; en has
// the same keys (geography.en.ts).
export const svGeography = {
  'geo.title': 'Geografi',
  'geo.intro': 'Sveriges 21 län, färgade efter polisregion. Välj ett län på kartan eller i tabellen för att se dess kommuner.',
  'geo.mapTitle': 'Karta över länen',
  'geo.mapLabel': 'Karta över Sveriges län. Varje län är en knapp.',
  'geo.mapHint': 'Klicka på ett län, eller gå till det med tabbtangenten och tryck Enter.',
  'geo.legend': 'Polisregioner',
  'geo.chooseCounty': 'Välj ett län för att se dess kommuner.',
  'geo.municipalitiesIn': 'Kommuner i {county}',
  'geo.municipalityCount': '{count} kommuner i {county}',
  'geo.municipalityCount_one': '{count} kommun i {county}',
  'geo.tableTitle': 'Länen i tabellform',
  'geo.tableCaption': 'Sveriges län med polisregion, befolkning och antal kommuner',
  'geo.col.county': 'Län',
  'geo.col.code': 'Kod',
  'geo.col.letter': 'Bokstav',
  'geo.col.policeRegion': 'Polisregion',
  'geo.col.population': 'Befolkning',
  'geo.col.municipalities': 'Kommuner',
  'geo.col.municipality': 'Kommun',
  'geo.noData': 'Uppgift saknas',
} as const satisfies Record<string, string>;

// English texts of the geography page (features/geo). Spread into en.ts; the same keys as geography.sv.ts:
// the type checker rejects a missing or extra key.
import type { svGeography } from './geography.sv';

export const enGeography: Record<keyof typeof svGeography, string> = {
  'geo.title': 'Geography',
  'geo.intro': "Sweden's 21 counties, coloured by police region. Choose a county on the map or in the table to see its municipalities.",
  'geo.mapTitle': 'Map of the counties',
  'geo.mapLabel': "Map of Sweden's counties. Each county is a button.",
  'geo.mapHint': 'Click a county, or reach it with the Tab key and press Enter.',
  'geo.legend': 'Police regions',
  'geo.chooseCounty': 'Choose a county to see its municipalities.',
  'geo.municipalitiesIn': 'Municipalities in {county}',
  'geo.municipalityCount': '{count} municipalities in {county}',
  'geo.municipalityCount_one': '{count} municipality in {county}',
  'geo.tableTitle': 'The counties as a table',
  'geo.tableCaption': "Sweden's counties with police region, population and number of municipalities",
  'geo.col.county': 'County',
  'geo.col.code': 'Code',
  'geo.col.letter': 'Letter',
  'geo.col.policeRegion': 'Police region',
  'geo.col.population': 'Population',
  'geo.col.municipalities': 'Municipalities',
  'geo.col.municipality': 'Municipality',
  'geo.noData': 'Not available',
};

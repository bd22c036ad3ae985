// The counties as a table: the accessible alternative to the map, with the same selection.
import { Link } from 'react-router';
import type { County } from '../../api/types';
import { useI18n } from '../../i18n/context';

interface Props {
  counties: readonly County[];
  regionName: (id: string) => string;
}

export function CountyTable({ counties, regionName }: Props) {
  const { t, formatNumber } = useI18n();
  return (
    <table className="data-table">
      <caption>{t('geo.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('geo.col.county')}</th>
          <th scope="col">{t('geo.col.code')}</th>
          <th scope="col">{t('geo.col.letter')}</th>
          <th scope="col">{t('geo.col.policeRegion')}</th>
          <th scope="col" className="num">{t('geo.col.population')}</th>
          <th scope="col" className="num">{t('geo.col.municipalities')}</th>
        </tr>
      </thead>
      <tbody>
        {counties.map((c) => (
          <tr key={c.code}>
            <th scope="row">
              <Link to={`/geography?county=${c.code}`}>{c.name}</Link>
            </th>
            <td>{c.code}</td>
            <td>{c.letter}</td>
            <td>{regionName(c.police_region)}</td>
            <td className="num">{c.population ? formatNumber(c.population.count) : t('geo.noData')}</td>
            <td className="num">{c.municipality_count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useId } from 'react';
import {
  Box,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';

import { niceMax, type BandShare, type DayTotal } from '../lib/participation';

/** Strapi's primary and neutral colours: bars keep 3:1 against the white page. */
const BAR = '#4945ff';
const REFERENCE = '#8e8ea9';
const AXIS = '#666687';

/** A table's header row. */
export const HeaderRow = ({ headers }: { headers: readonly string[] }) => (
  <Thead>
    <Tr>
      {headers.map((header) => (
        <Th key={header}>
          <Typography variant="sigma">{header}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

/**
 * Counts per day as bars, with the same figures as a table below: the picture for a glance, the
 * table for screen readers and exact numbers. `title` names both; `summary` says the gist.
 */
export const DailyChart = ({
  title,
  summary,
  series,
  dayLabel,
  dayHeader,
  countHeader,
}: {
  title: string;
  summary: string;
  series: readonly DayTotal[];
  dayLabel: (day: string) => string;
  dayHeader: string;
  countHeader: string;
}) => {
  const id = useId();
  const width = 640;
  const height = 200;
  const left = 40;
  const bottom = 24;
  const max = niceMax(Math.max(0, ...series.map((point) => point.count)));
  const step = series.length ? (width - left) / series.length : 0;
  const y = (value: number) => (height - bottom) * (1 - value / max);
  const labelEvery = Math.max(1, Math.ceil(series.length / 8));
  return (
    <Box tag="figure" margin={0} data-chart={title}>
      <Typography variant="delta" tag="h3" id={`${id}-title`}>
        {title}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p" id={`${id}-desc`}>
        {summary}
      </Typography>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: 'block', marginBlock: 8 }}
      >
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke="#dcdce4" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill={AXIS}>
              {tick}
            </text>
          </g>
        ))}
        {series.map((point, index) => (
          <g key={point.day}>
            <rect
              x={left + index * step + step * 0.15}
              y={y(point.count)}
              width={Math.max(1, step * 0.7)}
              height={height - bottom - y(point.count)}
              fill={BAR}
            >
              <title>{`${dayLabel(point.day)}: ${point.count}`}</title>
            </rect>
            {index % labelEvery === 0 ? (
              <text
                x={left + index * step + step / 2}
                y={height - 8}
                textAnchor="middle"
                fontSize="11"
                fill={AXIS}
              >
                {dayLabel(point.day)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <Table colCount={2} rowCount={series.length + 1}>
        <HeaderRow headers={[dayHeader, countHeader]} />
        <Tbody>
          {series.map((point) => (
            <Tr key={point.day}>
              <Td>
                <Typography>{dayLabel(point.day)}</Typography>
              </Td>
              <Td>
                <Typography>{point.count}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};

/** One horizontal bar with its figure just after it. */
const Bar = ({
  x,
  y,
  length,
  fill,
  children,
}: {
  x: number;
  y: number;
  length: number;
  fill: string;
  children: string;
}) => (
  <>
    <rect x={x} y={y} width={length} height={14} fill={fill} />
    <text x={x + length + 4} y={y + 11} fontSize="11" fill={AXIS}>
      {children}
    </text>
  </>
);

/**
 * Each age band's share of voters beside its share of residents, as paired bars; the table with
 * the same figures (and whether the band is missing) goes with it on the page.
 */
export const ShareChart = ({
  title,
  bands,
  votersLabel,
  residentsLabel,
  percent,
}: {
  title: string;
  bands: readonly BandShare[];
  votersLabel: string;
  residentsLabel: string;
  percent: (value: number) => string;
}) => {
  const id = useId();
  const width = 640;
  const left = 70;
  const row = 44;
  const height = bands.length * row + 24;
  const x = (value: number | null) => (width - left - 60) * (value ?? 0);
  return (
    <figure style={{ margin: 0 }}>
      <VisuallyHidden id={`${id}-title`}>{title}</VisuallyHidden>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: 'block' }}
      >
        <rect x={left} y={4} width={12} height={10} fill={BAR} />
        <text x={left + 16} y={13} fontSize="11" fill={AXIS}>
          {votersLabel}
        </text>
        <rect x={left + 160} y={4} width={12} height={10} fill={REFERENCE} />
        <text x={left + 176} y={13} fontSize="11" fill={AXIS}>
          {residentsLabel}
        </text>
        {bands.map((band, index) => {
          const top = 24 + index * row;
          return (
            <g key={band.band}>
              <text x={left - 8} y={top + 18} textAnchor="end" fontSize="12" fill="#32324d">
                {band.band}
              </text>
              <Bar x={left} y={top + 2} length={x(band.participantShare)} fill={BAR}>
                {band.participantShare === null ? '–' : percent(band.participantShare)}
              </Bar>
              <Bar x={left} y={top + 20} length={x(band.populationShare)} fill={REFERENCE}>
                {band.populationShare === null ? '–' : percent(band.populationShare)}
              </Bar>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};

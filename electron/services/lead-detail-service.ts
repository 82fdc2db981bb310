import { missingForExport } from '../../shared/domain/lead';
import type { CardPhoto, LeadDetail } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { listActivities } from '../db/repositories/activities';
import { findCardScan, findCardScansOfLead } from '../db/repositories/card-scans';
import { findConversionSummary } from '../db/repositories/conversions';
import { findEventById } from '../db/repositories/events';
import { listTimeline } from '../db/repositories/timeline';
import { getLeadQualification } from './qualification-service';
import type { ServiceContext } from './service-context';

/** Everything the lead's screen shows, read together. */
export async function getLeadDetail(context: ServiceContext, id: string): Promise<LeadDetail> {
  const qualification = await getLeadQualification(context, id);
  const { lead } = qualification;
  const scans = await findCardScansOfLead(context.db, id);
  return {
    lead,
    event: (lead.eventId && (await findEventById(context.db, lead.eventId))) || null,
    missingForExport: missingForExport(lead),
    qualification,
    timeline: await listTimeline(context.db, id),
    activities: await listActivities(context.db, { leadId: id }),
    cardScans: scans.map((scan) => ({
      id: scan.id,
      fileName: scan.file_name,
      ocrText: scan.ocr_text,
      imageWidth: scan.image_width,
      imageHeight: scan.image_height,
      scannedAt: scan.scanned_at,
    })),
    conversion: (await findConversionSummary(context.db, id)) ?? null,
  };
}

/** The stored photo of a card scan (the evidence of what was on the card). */
export async function getCardPhoto(context: ServiceContext, scanId: string): Promise<CardPhoto> {
  const scan = await findCardScan(context.db, scanId);
  if (!scan) throw new AppError('not_found', 'This card photo is no longer stored.');
  return { imageBase64: Buffer.from(scan.image).toString('base64'), mime: scan.image_mime };
}

import type { ConversionSummary } from '../../../shared/domain/crm';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';
import { latestRequest } from './latest-request';

/** "Converted automatically — check": the rule's conversions nobody has looked at yet. */
export interface ConversionReviewSlice {
  review: ConversionSummary[];
  reviewLoading: boolean;
  reviewError: string | null;
  /** The conversion a button is working on, so its row shows it and its buttons wait. */
  reviewBusyId: string | null;

  loadReview(): Promise<void>;
  markReviewed(conversionId: string): Promise<void>;
  undoReviewedConversion(conversion: ConversionSummary): Promise<void>;
}

export const createConversionReviewSlice: SliceCreator<ConversionReviewSlice> = ({ api }) => {
  const requests = latestRequest();

  return (set, get) => {
    function drop(conversionId: string): void {
      set({ review: get().review.filter((item) => item.id !== conversionId), reviewBusyId: null });
    }

    return {
      review: [],
      reviewLoading: false,
      reviewError: null,
      reviewBusyId: null,

      async loadReview() {
        set({ reviewLoading: true, reviewError: null });
        await requests.run(
          () => api['conversion.review']({}),
          (review) => set({ review, reviewLoading: false }),
          (error) => set({ reviewLoading: false, reviewError: error.message }),
        );
      },

      async markReviewed(conversionId) {
        set({ reviewBusyId: conversionId, reviewError: null });
        try {
          await api['conversion.markReviewed']({ id: conversionId });
          drop(conversionId);
        } catch (error) {
          set({ reviewBusyId: null, reviewError: toUiError(error).message });
        }
      },

      async undoReviewedConversion(conversion) {
        set({ reviewBusyId: conversion.id, reviewError: null });
        try {
          await api['conversion.undo']({ leadId: conversion.leadId });
          drop(conversion.id);
        } catch (error) {
          set({ reviewBusyId: null, reviewError: toUiError(error).message });
        }
      },
    };
  };
};

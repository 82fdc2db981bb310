import type { ConversionSummary } from '../../../shared/domain/crm';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

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
  let latestRequest = 0;

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
        const request = ++latestRequest;
        set({ reviewLoading: true, reviewError: null });
        try {
          const review = await api['conversion.review']({});
          if (request === latestRequest) set({ review, reviewLoading: false });
        } catch (error) {
          if (request === latestRequest) set({ reviewLoading: false, reviewError: toUiError(error).message });
        }
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

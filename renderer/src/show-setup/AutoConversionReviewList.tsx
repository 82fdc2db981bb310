import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { ReviewItem } from './ReviewItem';

/** "Converted automatically — check": every conversion the rule made that nobody has looked at yet. */
export function AutoConversionReviewList() {
  const review = useAppStore((state) => state.review);
  const loading = useAppStore((state) => state.reviewLoading);
  const error = useAppStore((state) => state.reviewError);

  return (
    <div className="review-area">
      <ErrorBanner message={error} />
      {review.length > 0 ? (
        <ul className="review-list" aria-label="Converted automatically, to check">
          {review.map((conversion) => (
            <ReviewItem key={conversion.id} conversion={conversion} />
          ))}
        </ul>
      ) : (
        !loading && !error && <p className="section-hint">Nothing to check: every automatic conversion has been looked at.</p>
      )}
    </div>
  );
}

-- Work queues (measured in docs/performance.md on 100k beneficiaries): the review queue page sorts by
-- stage age, and the dashboard counts scan only open requests.
CREATE INDEX IF NOT EXISTS requests_review_queue_idx ON requests (organization_id, stage_entered_at, id)
  WHERE status IN ('submitted', 'under_review', 'needs_info');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS requests_open_idx ON requests (organization_id, status)
  INCLUDE (assigned_to, expected_decision_at, stage_entered_at)
  WHERE status NOT IN ('closed', 'withdrawn', 'rejected', 'delivered', 'draft');

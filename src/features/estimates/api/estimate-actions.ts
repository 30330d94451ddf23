// Estimate state changes: one RPC each; SQL checks who may, the status and the validity date.
import { supabase } from '@/lib/supabase';
import type { Json } from '@/lib/database.types';
import type { LineValue } from '@/lib/line-items';

export interface AnswerInput {
  estimateId: string;
  scope: string;
  lines: LineValue[];
  timeline: string;
  startsOn: string;
  deliversOn: string;
  validUntil: string;
}

export async function answerEstimate(input: AnswerInput) {
  const { data } = await supabase
    .rpc('answer_estimate', {
      estimate_id: input.estimateId,
      scope: input.scope,
      line_items: input.lines as unknown as Json,
      timeline: input.timeline,
      starts_on: (input.startsOn || null) as string,
      delivers_on: (input.deliversOn || null) as string,
      valid_until: input.validUntil || undefined,
    })
    .throwOnError();
  return data;
}

export async function decideEstimate(input: { estimateId: string; approve: boolean; comment: string }) {
  const { data } = await supabase.rpc('decide_estimate', { estimate_id: input.estimateId, approve: input.approve, comment: input.comment.trim() || undefined }).throwOnError();
  return data;
}

export async function withdrawEstimate(estimateId: string) {
  const { data } = await supabase.rpc('withdraw_estimate', { estimate_id: estimateId }).throwOnError();
  return data;
}

export async function estimateToProject(estimateId: string) {
  const { data } = await supabase.rpc('estimate_to_project', { estimate_id: estimateId }).throwOnError();
  return data;
}

/**
 * Dot voting, the board service's part: the facilitator opens a vote, participants place and take
 * back dots, the facilitator closes it. Ballots live in the VoteStore, by a hash of the voter's
 * draft key, and never in the board's document: while a vote is open, no count reaches anyone
 * (the document shows only how many voted). On close the results are written into the board's
 * `meta.votes`, so everyone sees them at once and snapshots, forks and the harvest keep them.
 */
import type { VoteJson } from '../../shared/api.ts'
import { BoardGeometry } from '../../shared/board-geometry.ts'
import { isVotableCard } from '../../shared/card-rules.ts'
import { metaMap, readRecords } from '../../shared/doc-layout.ts'
import { readClosedVotes, readSession, SESSION_KEYS, type ClosedVote, type OpenVoteState } from '../../shared/session.ts'
import { HttpError } from '../http/errors.ts'
import { writeSessionMeta } from './session-meta.ts'
import { draftKeyHash } from '../storage/draft-ids.ts'
import type { BallotOutcome, Storage, VoteInfo } from '../storage/stores.ts'
import type { RoomManager } from '../sync/room-manager.ts'

export class VoteWorkflows {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomManager,
    /** Most voters one vote takes (a voter is a browser's draft key, which anyone can make up). */
    private readonly maxVoters: number,
  ) {}

  /** Opens a vote (one per board at a time); `zone`: only cards in that frame may get dots. */
  async open(boardId: string, input: { perParticipant: number; zone?: string | undefined }): Promise<VoteJson> {
    const zone = input.zone ?? null
    const room = await this.rooms.open(boardId)
    if (zone !== null && !new BoardGeometry(readRecords(room.doc)).zoneFrames().some((frame) => frame.meta.zone === zone)) {
      throw new HttpError(400, `this board has no part "${zone}"`, 'invalid_body')
    }
    const vote = await this.storage.votes.open(boardId, { perParticipant: input.perParticipant, zone })
    if (!vote) throw new HttpError(409, 'a vote is already open on this board', 'vote_already_open')
    const shown: OpenVoteState = { id: vote.id, perParticipant: vote.perParticipant, zone: vote.zone, voters: 0 }
    await this.writeMeta(boardId, { [SESSION_KEYS.vote]: shown })
    return this.json(vote, 0)
  }

  async list(boardId: string): Promise<VoteJson[]> {
    const votes = await this.storage.votes.list(boardId)
    return Promise.all(votes.map(async (vote) => this.json(vote, await this.storage.votes.voters(vote.id), vote.open ? undefined : await this.storage.votes.tally(vote.id))))
  }

  /** A vote as anyone may see it: counts only once closed; with a draft key, that voter's own dots. */
  async get(boardId: string, voteId: string, draftKey?: string): Promise<VoteJson> {
    const vote = await this.require(boardId, voteId)
    const [voters, results, mine] = await Promise.all([
      this.storage.votes.voters(vote.id),
      vote.open ? undefined : this.storage.votes.tally(vote.id),
      draftKey === undefined ? undefined : this.storage.votes.mine(vote.id, draftKeyHash(boardId, draftKey)),
    ])
    return this.json(vote, voters, results, mine)
  }

  /** Places one dot on a card: 409 vote_closed / vote_spent, 400 vote_card for a card not in the vote. */
  async cast(boardId: string, voteId: string, draftKey: string, shapeId: string): Promise<VoteJson> {
    const vote = await this.require(boardId, voteId)
    if (!vote.open) throw closed()
    await this.requireVotableCard(boardId, vote, shapeId)
    const voter = draftKeyHash(boardId, draftKey)
    // Made-up keys must not grow a vote (and the board's voter count) without end. A soft cap:
    // two newcomers at once on two processes may both get in.
    if ((await this.storage.votes.mine(vote.id, voter)).length === 0 && (await this.storage.votes.voters(vote.id)) >= this.maxVoters) {
      throw new HttpError(409, `this vote already has the maximum of ${this.maxVoters} voters`, 'vote_full')
    }
    const outcome = await this.storage.votes.cast(vote.id, voter, shapeId)
    return this.afterBallot(boardId, vote, draftKey, outcome)
  }

  /** Takes one of the voter's dots on the card back: 409 no_ballot when there is none. */
  async withdraw(boardId: string, voteId: string, draftKey: string, shapeId: string): Promise<VoteJson> {
    const vote = await this.require(boardId, voteId)
    if (!vote.open) throw closed()
    const outcome = await this.storage.votes.withdraw(vote.id, draftKeyHash(boardId, draftKey), shapeId)
    return this.afterBallot(boardId, vote, draftKey, outcome)
  }

  /** Closes the vote and shows its results to everyone; closing a closed vote answers the same. */
  async close(boardId: string, voteId: string): Promise<VoteJson> {
    const vote = await this.require(boardId, voteId)
    if (await this.storage.votes.close(vote.id)) {
      const [voters, results] = await Promise.all([this.storage.votes.voters(vote.id), this.storage.votes.tally(vote.id)])
      const closedAt = new Date().toISOString()
      const result: ClosedVote = { id: vote.id, perParticipant: vote.perParticipant, zone: vote.zone, voters, closedAt, results }
      const room = await this.rooms.open(boardId)
      const meta = metaMap(room.doc)
      const shown = readSession(meta).vote
      writeSessionMeta(room.doc, {
        [SESSION_KEYS.votes]: [...readClosedVotes(meta).filter((past) => past.id !== vote.id), result],
        ...(shown === null || shown.id === vote.id ? { [SESSION_KEYS.vote]: null } : {}),
      })
      await this.rooms.flush()
    }
    return this.get(boardId, voteId)
  }

  private async afterBallot(boardId: string, vote: VoteInfo, draftKey: string, outcome: BallotOutcome): Promise<VoteJson> {
    if (outcome === 'closed') throw closed()
    if (outcome === 'spent') throw new HttpError(409, `you have placed all ${vote.perParticipant} of your dots`, 'vote_spent')
    if (outcome === 'none') throw new HttpError(409, 'you have no dot on this card', 'no_ballot')
    const json = await this.get(boardId, vote.id, draftKey)
    // Everyone sees how many have voted (never for what): rewritten only when it changed.
    const room = await this.rooms.open(boardId)
    const shown = readSession(metaMap(room.doc)).vote
    if (shown?.id === vote.id && shown.voters !== json.voters) {
      writeSessionMeta(room.doc, { [SESSION_KEYS.vote]: { ...shown, voters: json.voters } })
      await this.rooms.flush()
    }
    return json
  }

  /** 400 vote_card unless the shape is a card on the board (in the vote's zone, when it has one). */
  private async requireVotableCard(boardId: string, vote: VoteInfo, shapeId: string): Promise<void> {
    const room = await this.rooms.open(boardId)
    const geometry = new BoardGeometry(readRecords(room.doc))
    const shape = geometry.shape(shapeId)
    const inZone = () => vote.zone === null || geometry.zoneOf(shape!)?.meta.zone === vote.zone
    if (!shape || !isVotableCard(shape) || !inZone()) throw new HttpError(400, vote.zone === null ? 'that is not a card on this board' : `that is not a card in "${vote.zone}"`, 'vote_card')
  }

  private async require(boardId: string, voteId: string): Promise<VoteInfo> {
    const vote = await this.storage.votes.get(boardId, voteId)
    if (!vote) throw new HttpError(404, 'vote not found', 'vote_not_found')
    return vote
  }

  private async writeMeta(boardId: string, entries: Record<string, unknown>): Promise<void> {
    writeSessionMeta((await this.rooms.open(boardId)).doc, entries)
    await this.rooms.flush()
  }

  private json(vote: VoteInfo, voters: number, results?: VoteJson['results'], mine?: string[]): VoteJson {
    return {
      id: vote.id,
      perParticipant: vote.perParticipant,
      zone: vote.zone,
      open: vote.open,
      voters,
      createdAt: vote.createdAt,
      closedAt: vote.closedAt,
      ...(mine === undefined ? {} : { mine }),
      ...(results === undefined ? {} : { results }),
    }
  }
}

const closed = () => new HttpError(409, 'this vote is closed', 'vote_closed')

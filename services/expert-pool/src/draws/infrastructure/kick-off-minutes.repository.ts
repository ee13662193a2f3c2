import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KickOffMinutes } from './kick-off-minutes.entity';

/** The kick-off meeting's minutes: metadata for the draw view, the bytes only to download. */
@Injectable()
export class KickOffMinutesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, minutes: KickOffMinutes): Promise<void> {
    await m.insert(KickOffMinutes, minutes);
  }

  /** Every upload of a draw's minutes, oldest first (the last is current). */
  async ofDraw(drawId: string): Promise<KickOffMinutes[]> {
    return this.dataSource.getRepository(KickOffMinutes).find({ where: { drawId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  async withContent(drawId: string, id: string): Promise<KickOffMinutes | null> {
    return this.dataSource
      .getRepository(KickOffMinutes)
      .createQueryBuilder('k')
      .addSelect('k.content')
      .where('k.id = :id AND k.draw_id = :drawId', { id, drawId })
      .getOne();
  }
}

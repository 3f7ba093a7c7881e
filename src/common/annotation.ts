// Provenance shared by every annotation (source, quote, mention, stance): who made the row, and
// how sure the extractor was, so researchers can keep only curated or only confident rows.
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from './scalars';

export enum Origin {
  MANUAL = 'MANUAL',
  EXTRACTED = 'EXTRACTED',
}

registerEnumType(Origin, {
  name: 'Origin',
  description: 'MANUAL rows were written or corrected by a person; EXTRACTED rows by an extractor.',
});

@ObjectType({ simpleResolvers: true })
@Check(`"origin" = 'MANUAL' OR "extractor" IS NOT NULL`)
@Check(`"confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1)`)
export abstract class Annotation {
  @Field(() => Origin)
  @Column({ type: 'enum', enum: Origin, enumName: 'origin', default: Origin.MANUAL })
  origin: Origin;

  @Field(() => String, { nullable: true, description: 'Name of the extractor that wrote this row, when EXTRACTED.' })
  @Column({ type: 'text', nullable: true })
  extractor: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'extractor_version', type: 'text', nullable: true })
  extractorVersion: string | null;

  @Field(() => Float, { nullable: true, description: "The extractor's confidence in [0, 1]; null for MANUAL rows." })
  @Column({ type: 'real', nullable: true })
  confidence: number | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { AnnotationFileFormat } from '../formats/annotation-files';
import { OffsetUnit } from './annotated-article';
import { ImportArticleInput } from './import-article.input';

registerEnumType(AnnotationFileFormat, {
  name: 'AnnotationFileFormat',
  valuesConfig: {
    BRAT: { description: 'brat standoff (.ann): Source, Cue and Content spans tied by Attribution events.' },
    WEB_ANNOTATION: {
      description: 'W3C Web Annotation JSON-LD: an AnnotationPage, a collection, a list or one annotation.',
    },
  },
});

@InputType({ description: 'An article and the annotation file an annotation tool wrote about its text.' })
export class ImportAnnotationFileInput {
  @Field(() => ImportArticleInput, {
    description: "The article; its body is the text the file's offsets count. Its own annotations must be left out.",
  })
  @ValidateNested()
  article: ImportArticleInput;

  @Field(() => AnnotationFileFormat)
  @IsIn(Object.values(AnnotationFileFormat))
  format: AnnotationFileFormat;

  @Field({ description: 'The file itself: the .ann text, or the JSON-LD document.' })
  @IsString()
  @MaxLength(20_000_000)
  file: string;

  @Field(() => OffsetUnit, {
    nullable: true,
    defaultValue: OffsetUnit.CODE_POINT,
    description: "What a Web Annotation file's positions count (UTF16 for Hypothesis); brat counts code points.",
  })
  @IsOptional()
  @IsIn(Object.values(OffsetUnit))
  offsets?: OffsetUnit | null;
}

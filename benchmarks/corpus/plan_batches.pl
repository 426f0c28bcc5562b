#!/usr/bin/perl
# @file benchmarks/corpus/plan_batches.pl
# @brief Groups the sorted page list into render batches: up to 40 consecutive man(7) pages of one
#        package per groff run, each mdoc(7) page alone; ".so" alias pages are left out.
#
# Usage: perl plan_batches.pl RENDER_DIR < pages.tsv > batches.tsv
#   RENDER_DIR is written as given at the head of every batch file (build_corpus.sh: "render",
#   relative to its output directory, so that a plan does not depend on where the corpus lives).
#   in:  lang<TAB>package<TAB>source page        out: batch file<TAB>macros<TAB>pages (space-separated)
use strict;
use warnings;
use IO::Uncompress::Gunzip qw($GunzipError);

my $BATCH_PAGES = 40;
my ($render) = @ARGV;
die "usage: plan_batches.pl RENDER_DIR < pages.tsv\n" unless defined $render;

# The first 20000 bytes of a page, decompressed (in-process: a gzip per page costs minutes).
sub head_of {
    my ($file) = @_;
    my $fh = $file =~ /\.gz$/
        ? IO::Uncompress::Gunzip->new($file, MultiStream => 1, Transparent => 1)
          || die "plan_batches.pl: $file: $GunzipError\n"
        : do { open(my $f, '<:raw', $file) or die "plan_batches.pl: $file: $!\n"; $f };
    my ($head, $n) = ('', 1);
    $n = read($fh, $head, 20000 - length($head), length($head)) while $n && length($head) < 20000;
    die "plan_batches.pl: $file: read failed\n" unless defined $n;
    close $fh;
    return $head;
}

my (%count, @pages, $key);
sub emit {
    my ($k, $macros, @files) = @_;
    my ($lang, $package) = split /\t/, $k;
    printf "%s/%s/%s/batch-%04d.txt\t%s\t%s\n", $render, $lang, $package, ++$count{$k}, $macros,
        join(' ', @files);
}
sub flush { emit($key, 'man', @pages) if @pages; @pages = (); }

while (my $row = <STDIN>) {
    chomp $row;
    my ($lang, $package, $file) = split /\t/, $row;
    my $head = head_of($file);
    my ($first) = grep { !/^\.\\"/ && /\S/ } split /\n/, $head;
    next if defined $first && $first =~ /^\.so\s/;   # another name of a page rendered elsewhere
    flush() if defined $key && $key ne "$lang\t$package";
    $key = "$lang\t$package";
    if ($head =~ /^\.Dd/m) {                         # BSD mdoc: its own groff run
        flush();
        emit($key, 'mdoc', $file);
        next;
    }
    push @pages, $file;
    flush() if @pages >= $BATCH_PAGES;
}
flush();
